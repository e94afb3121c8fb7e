import type { RuntimeQuiz } from '../../shared/course-data.js';
import type { QuizProgress } from '../../shared/learner-state.js';
import { own, record, setOwn } from '../../shared/records.js';
import { all, one, setHidden } from '../core/dom.js';
import { quizSettled } from '../core/progress.js';
import { weightedPercent } from '../core/scoring.js';
import { seededShuffle } from '../core/shuffle.js';
import type { ActivityModule } from './activity-module.js';
import { questionTypeFor } from './questions/index.js';
import type { QuestionType } from './questions/question-type.js';

interface QuestionItem {
  question: RuntimeQuiz['questions'][number];
  type: QuestionType;
  /** The type's fieldset. */
  root: HTMLFieldSetElement;
  /** Fieldset, verdict, result messages and explanation (templates/partials/activity-quiz.hbs). */
  box: HTMLElement;
}

/** Focuses the first control of a question. */
const focusFirstField = (item: QuestionItem) => one('input,select,textarea,button', item.root)?.focus();

/** Not graded (a survey, a Likert scale): weighs nothing, never marked right or wrong. */
const graded = (item: QuestionItem) => item.type.graded !== false;

/** What the learner answered, as the page shows it (review before submitting): ticked labels, texts typed, pairs chosen, items in order. */
const answerText = (root: HTMLElement) =>
  [
    ...all<HTMLInputElement>('input', root).map((i) => (i.type === 'text' ? i.value.trim() : i.checked && i.labels![0]!.textContent)),
    ...all<HTMLSelectElement>('select', root).map((s) => s.value && s.labels![0]!.textContent + ' → ' + s.selectedOptions[0]!.text),
    ...all('.ordering-text', root).map((e) => e.textContent),
  ]
    .filter(Boolean)
    .join(' · ');

/**
 * Questions on one page, or one at a time (`data-one`: a counter, Previous/Next, a review of
 * the answers before submitting); marks, verdicts and messages after submitting; retries while
 * attempts remain. A survey (no graded question) thanks the learner instead of scoring them. A pool (`draw`) shows a new random set per attempt, saved as the quiz's
 * `order` so a resume shows the same one. In review (the LMS launched in review or browse
 * mode) the quiz is read-only: past answers shown, nothing scored or sent.
 */
export const quizModule: ActivityModule<RuntimeQuiz> = {
  kind: 'quiz',
  isDone: (quiz, state) => quizSettled(quiz, own(state.quizzes, quiz.id)),
  mount(view, quiz, ctx) {
    const { t, review, state } = ctx;
    const form = one<HTMLFormElement>('[data-quiz]', view)!;
    const resultBox = one('[data-quiz-result]', view)!;
    const submitButton = one('[data-action="submit"]', view)!;
    const retryButton = one('[data-action="retry"]', view)!;
    // One at a time: the counter's format ("Question {n} of {total}"), its heading, the review of the answers.
    const oneByOne = form.dataset.one;
    const counter = one('[data-counter]', form)!;
    const reviewBox = one('[data-review]', form)!;
    const prevButton = one('[data-action="prev"]', form)!;
    const nextButtons = all('[data-action="next"]', form);
    let at = 0;
    /** Next goes back to the review when the learner came from it to change an answer. */
    let toReview = false;
    const items: QuestionItem[] = [];
    for (const question of quiz.questions) {
      const type = questionTypeFor(question.type);
      const root = one<HTMLFieldSetElement>(`[data-question="${question.id}"]`, form);
      if (type && root) items.push({ question, type, root, box: root.parentElement! });
    }
    let shown = items;
    /** When this attempt's questions were first shown, and when each answer last changed: each question's latency. */
    let shownAt = 0;
    const changedAt = new Map<string, number>();
    const stepId = ctx.course.steps.find((s) => s.activities.includes(quiz))?.id;

    /** A pool's random set, keeping what still fits of `keep` (a saved set). */
    const draw = (keep: string[] = []): string[] =>
      [...keep, ...seededShuffle(items.map((i) => i.question.id).filter((id) => !keep.includes(id)), '' + Math.random())].slice(0, quiz.draw);
    /** The pool's set; saved with the first answer (a reload before it may draw again). */
    let drawn = quiz.draw ? draw() : undefined;

    const survey = !items.some(graded);
    const current = (): QuizProgress | undefined => own(state.quizzes, quiz.id);
    const ensure = (): QuizProgress =>
      current() ?? setOwn(state.quizzes, quiz.id, { attempts: 0, score: null, best: null, passed: false, answers: record(), submitted: false, order: drawn });
    /** Attempts remain (review or not). */
    const left = (p: QuizProgress) => !quizSettled(quiz, p);

    /** Resets the questions for the attempt in the state: its pool set, choices shuffled per learner and attempt, saved answers back in. */
    const prepare = () => {
      const p = current();
      if (drawn && p) p.order = drawn = draw(p.order);
      shown = items.filter((i) => !drawn || drawn.includes(i.question.id));
      const attempt = p ? (p.submitted ? p.attempts - 1 : p.attempts) : 0;
      let n = 0;
      for (const item of items) {
        const { question, type, root } = item;
        type.reset(root, question, quiz.shuffle ? `${ctx.seed}|${quiz.id}|${attempt}|${question.id}` : null);
        type.write(root, (p && own(p.answers, question.id)) ?? []);
        // Read-only in review; the type's own review locks its inputs once submitted.
        root.disabled = review;
        setHidden('[data-question-result],[data-outcome],[data-explanation]', true, item.box);
        // A pool numbers the questions it shows (templates: the number's `{n}` placeholder in data-number).
        const number = one('.question-number', root);
        if (drawn && number && shown.includes(item)) number.textContent = form.dataset.number!.replace('{n}', '' + ++n);
      }
      retryButton.hidden = resultBox.hidden = true;
      toReview = false;
      // A learner back mid-attempt resumes at the first question still unanswered (all answered: the review).
      const todo = p && !p.submitted ? shown.findIndex((i) => !own(p.answers, i.question.id)?.length) : 0;
      go(todo < 0 ? shown.length : todo, false);
      if (p?.submitted) showResult(p, false);
    };

    /**
     * Shows the questions: all of them, or (one at a time, before submitting) question `k` or,
     * at k = the number shown, the review of the answers; focus then moves to the counter heading.
     */
    const go = (k: number, focus?: boolean) => {
      const last = shown.length;
      const open = !!oneByOne && !review && !current()?.submitted;
      at = k;
      for (const item of items) item.box.hidden = !shown.includes(item) || (open && shown[k] !== item);
      submitButton.hidden = review || !!current()?.submitted || (open && k < last);
      if (!oneByOne) return;
      counter.hidden = !open;
      reviewBox.hidden = prevButton.hidden = !open;
      if (k < last) reviewBox.hidden = true;
      if (!k) prevButton.hidden = true;
      for (const b of nextButtons) b.hidden = !open || k >= last || b.hasAttribute('data-last') !== (k === last - 1);
      counter.textContent = k < last ? oneByOne.replace('{n}', '' + (k + 1)).replace('{total}', '' + last) : counter.dataset.reviewTitle!;
      if (open && k === last) {
        const row = one<HTMLTemplateElement>('template', reviewBox)!.content.firstElementChild!;
        one('[data-review-list]', reviewBox)!.replaceChildren(
          ...shown.map((item, j) => {
            const li = row.cloneNode(true) as HTMLElement;
            const [prompt, answer, change] = li.children as unknown as HTMLElement[];
            prompt!.textContent = `${j + 1}. ${item.question.promptText}`;
            answer!.textContent = (item.type.read(item.root).length && answerText(item.root)) || answer!.dataset.unanswered!;
            change!.onclick = () => {
              toReview = true;
              go(j, true);
            };
            return li;
          }),
        );
      }
      if (open && focus) counter.focus();
    };

    /** Fills the result box, one paragraph per line (the first, the score, stands out), and shows the author's message for `outcome`. */
    const say = (lines: string[], tone: string, outcome?: string) => {
      one('[data-lines]', resultBox)!.replaceChildren(
        ...lines.map((line) => {
          const paragraph = document.createElement('p');
          paragraph.textContent = line;
          return paragraph;
        }),
      );
      for (const el of all('[data-quiz-feedback]', resultBox)) el.hidden = el.dataset.quizFeedback !== outcome;
      resultBox.className = 'quiz-result quiz-result--' + tone;
      resultBox.hidden = false;
    };

    const showResult = (p: QuizProgress, fresh: boolean) => {
      const over = !left(p);
      const reveal = quiz.showCorrectAnswers === 'always' || (quiz.showCorrectAnswers !== 'never' && over);
      for (const item of shown) {
        const { question, type, root, box } = item;
        const response = own(p.answers, question.id) ?? [];
        type.review(root, question, response, reveal, t);
        if (graded(item)) {
          const share = type.score(question, response);
          const kind = share >= 1 ? 'right' : share > 0 ? 'partly' : 'wrong';
          const result = one('[data-question-result]', box)!;
          result.textContent = t(share >= 1 ? 'questionRight' : share > 0 ? 'questionPartly' : 'questionWrong');
          result.className = 'question-result question-result--' + kind;
          setHidden(`[data-question-result],[data-outcome="${kind}"]`, false, box);
        }
        setHidden('[data-explanation]', false, box);
      }
      const passedNow = p.score! >= quiz.passingScore;
      // A survey shows no score and no pass mark: only its thanks (the template's `passed` feedback).
      const lines = survey ? [] : [t('quizScore', { n: p.score! }), passedNow ? t('quizPassed') : t('quizFailed', { n: quiz.passingScore })];
      if (p.attempts > 1 && p.best !== p.score) lines.push(t('quizBest', { n: p.best! }));
      if (!p.passed && quiz.attempts > 0) lines.push(over ? t('noAttemptsLeft') : t('attemptsLeft', { n: quiz.attempts - p.attempts }));
      say(lines, survey ? 'neutral' : passedNow ? 'passed' : 'failed', passedNow ? 'passed' : over ? 'failed' : 'retry');
      go(0);
      retryButton.hidden = over || review;
      if (fresh) {
        ctx.announce(resultBox.innerText);
        resultBox.focus();
      }
    };

    form.addEventListener('change', (event) => {
      const p = ensure();
      const item = shown.find((i) => i.root.contains(event.target as Node));
      if (p.submitted || review || !item) return;
      changedAt.set(item.question.id, Date.now());
      setOwn(p.answers, item.question.id, item.type.read(item.root));
      ctx.update();
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (review || current()?.submitted) return;
      // One at a time, Enter in a field moves on; submitting is from the review.
      if (submitButton.hidden) return go(at + 1, true);
      const responses = shown.map((i) => i.type.read(i.root));
      const missing = shown.filter((_, k) => !responses[k]!.length);
      if (missing.length) {
        // With what a field says of its text (a numeric field given no number).
        const lines = [t('unanswered', { n: missing.length }), ...all('[data-invalid]:not(:empty)', form).map((e) => e.textContent!)];
        go(shown.indexOf(missing[0]!));
        say(lines, 'warning');
        ctx.announce(lines.join(' '));
        focusFirstField(missing[0]!);
        return;
      }
      const submittedAt = Date.now();
      const shares = shown.map((i, k) => (graded(i) ? i.type.score(i.question, responses[k]!) : 0));
      // Ungraded questions weigh nothing; a quiz with nothing graded (a survey) scores 100.
      const score = weightedPercent(shown.map((i, k) => ({ share: shares[k]!, weight: graded(i) ? i.question.weight : 0 })));
      const p = ensure();
      p.attempts += 1;
      p.score = score;
      p.best = Math.max(p.best ?? 0, score);
      p.passed ||= score >= quiz.passingScore;
      p.submitted = true;
      p.answers = record();
      shown.forEach((item, k) => {
        const { question, type } = item;
        setOwn(p.answers, question.id, responses[k]!);
        ctx.adapter.recordInteraction({
          id: `${quiz.id}.${question.id}`,
          quizId: quiz.id,
          questionId: question.id,
          objectiveId: stepId,
          type: question.type,
          interactionType: type.interactionType,
          // Choices in the author's order, however they were shuffled and ticked: reports compare alike.
          response: type.interactionType === 'choice' ? question.choices.map((c) => c.id).filter((id) => responses[k]!.includes(id)) : responses[k]!,
          correct: type.correct(question),
          caseSensitive: question.caseSensitive,
          // matching: the sources, with the targets beside them.
          choices: question.sources ?? question.choices,
          targets: question.targets,
          description: question.promptText,
          result: graded(item) ? (shares[k] === 1 ? 'correct' : 'wrong') : 'neutral',
          scoreShare: shares[k]!,
          weight: question.weight,
          // From first display to the answer's last change (an answer restored unchanged: to submitting).
          latencyMs: shownAt ? (changedAt.get(question.id) ?? submittedAt) - shownAt : 0,
          timestamp: new Date(submittedAt),
        });
      });
      showResult(p, true);
      ctx.update(true);
    });

    retryButton.addEventListener('click', () => {
      const p = current();
      if (!p || review || !left(p)) return;
      p.submitted = false;
      p.answers = record();
      // A pool draws a new set for the new attempt.
      if (drawn) drawn = p.order = draw();
      prepare();
      shownAt = Date.now();
      changedAt.clear();
      if (oneByOne) counter.focus();
      else focusFirstField(shown[0]!);
      ctx.save();
    });

    prevButton?.addEventListener('click', () => go(at - 1, true));
    for (const b of nextButtons) b.addEventListener('click', () => go(toReview ? shown.length : at + 1, true));

    one('[data-review-notice]', view)!.hidden = !review;
    prepare();
    return {
      show() {
        shownAt ||= Date.now();
      },
    };
  },
};

import type { RuntimeQuiz } from '../../shared/course-data.js';
import type { QuizProgress } from '../../shared/learner-state.js';
import { all, one } from '../core/dom.js';
import { quizSettled } from '../core/progress.js';
import { weightedPercent } from '../core/scoring.js';
import type { ActivityModule } from './activity-module.js';
import { questionTypeFor } from './questions/index.js';
import type { QuestionType } from './questions/question-type.js';

interface QuestionItem {
  question: RuntimeQuiz['questions'][number];
  type: QuestionType;
  root: HTMLElement;
}

/** Questions on one page; feedback after submitting; retries while attempts remain. */
export const quizModule: ActivityModule<RuntimeQuiz> = {
  kind: 'quiz',
  isDone: (quiz, state) => quizSettled(quiz, state.quizzes[quiz.id]),
  mount(view, quiz, ctx) {
    const { t } = ctx;
    const form = one<HTMLFormElement>('[data-quiz]', view)!;
    const resultBox = one('[data-quiz-result]', view)!;
    const submitButton = one('[data-action="submit"]', view)!;
    const retryButton = one('[data-action="retry"]', view)!;
    const items: QuestionItem[] = [];
    for (const question of quiz.questions) {
      const type = questionTypeFor(question.type);
      const root = one(`[data-question="${question.id}"]`, form);
      if (type && root) items.push({ question, type, root });
    }
    let shownAt = 0;
    const stepId = ctx.course.steps.find((s) => s.activities.includes(quiz))?.id;

    const current = (): QuizProgress | undefined => ctx.state.quizzes[quiz.id];
    const ensure = (): QuizProgress =>
      (ctx.state.quizzes[quiz.id] ??= { attempts: 0, score: null, best: null, passed: false, answers: {}, submitted: false });
    const canRetry = (p: QuizProgress) => !p.passed && (quiz.attempts === 0 || p.attempts < quiz.attempts);

    /** Resets the questions for the attempt in the state: shuffled per learner and attempt, saved answers back in. */
    const prepare = () => {
      const p = current();
      const attempt = p ? (p.submitted ? p.attempts - 1 : p.attempts) : 0;
      for (const { question, type, root } of items) {
        type.reset(root, question, quiz.shuffle ? `${ctx.seed}|${quiz.id}|${attempt}|${question.id}` : null);
        type.write(root, p?.answers[question.id] ?? []);
      }
      submitButton.hidden = false;
      retryButton.hidden = true;
      resultBox.hidden = true;
      if (p?.submitted) showResult(p, false);
    };

    /** Fills the result box, one paragraph per line; the first (the score, when there is one) stands out. */
    const say = (lines: string[], tone: 'passed' | 'failed' | 'warning') => {
      resultBox.replaceChildren(
        ...lines.map((line) => {
          const el = document.createElement('p');
          el.textContent = line;
          return el;
        }),
      );
      resultBox.className = 'quiz-result quiz-result--' + tone;
      resultBox.hidden = false;
    };

    const showResult = (p: QuizProgress, fresh: boolean) => {
      const reveal = !canRetry(p);
      for (const { question, type, root } of items) type.review(root, question, p.answers[question.id] ?? [], reveal, t);
      const passedNow = (p.score ?? 0) >= quiz.passingScore;
      const lines = [t('quizScore', { n: p.score ?? 0 }), passedNow ? t('quizPassed') : t('quizFailed', { n: quiz.passingScore })];
      if (p.attempts > 1 && p.best !== p.score) lines.push(t('quizBest', { n: p.best ?? 0 }));
      if (!p.passed && quiz.attempts > 0) {
        const left = quiz.attempts - p.attempts;
        lines.push(left > 0 ? t('attemptsLeft', { n: left }) : t('noAttemptsLeft'));
      }
      say(lines, passedNow ? 'passed' : 'failed');
      submitButton.hidden = true;
      retryButton.hidden = !canRetry(p);
      if (fresh) {
        ctx.announce(lines.join(' '));
        resultBox.focus();
      }
    };

    form.addEventListener('change', (event) => {
      const p = ensure();
      if (p.submitted) return;
      const item = items.find((i) => i.root.contains(event.target as Node));
      if (item) p.answers[item.question.id] = item.type.read(item.root);
      ctx.update();
    });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (current()?.submitted) return;
      const responses = items.map((i) => i.type.read(i.root));
      const missing = items.filter((_, k) => responses[k]!.length === 0);
      if (missing.length > 0) {
        const message = t('unanswered', { n: missing.length });
        say([message], 'warning');
        ctx.announce(message);
        one<HTMLInputElement>('input', missing[0]!.root)?.focus();
        return;
      }
      const latencyMs = shownAt ? Date.now() - shownAt : 0;
      const shares = items.map((i, k) => i.type.score(i.question, responses[k]!));
      const score = weightedPercent(items.map((i, k) => ({ share: shares[k]!, weight: i.question.weight })));
      const p = ensure();
      p.attempts += 1;
      p.score = score;
      p.best = Math.max(p.best ?? 0, score);
      p.passed = p.passed || score >= quiz.passingScore;
      p.submitted = true;
      p.answers = {};
      items.forEach(({ question, type }, k) => {
        p.answers[question.id] = responses[k]!;
        ctx.adapter.recordInteraction({
          id: `${quiz.id}.${question.id}`,
          quizId: quiz.id,
          questionId: question.id,
          ...(stepId ? { objectiveId: stepId } : {}),
          type: question.type,
          interactionType: type.interactionType,
          response: responses[k]!,
          correct: type.correct(question),
          choices: question.choices.map(({ id, text }) => ({ id, text })),
          description: question.promptText,
          result: shares[k] === 1 ? 'correct' : 'wrong',
          scoreShare: shares[k]!,
          weight: question.weight,
          latencyMs,
          timestamp: new Date(),
        });
      });
      showResult(p, true);
      ctx.update(true);
    });

    retryButton.addEventListener('click', () => {
      const p = current();
      if (!p || !canRetry(p)) return;
      p.submitted = false;
      p.answers = {};
      prepare();
      shownAt = Date.now();
      all<HTMLInputElement>('input', form)[0]?.focus();
      ctx.save();
    });

    prepare();
    return {
      show() {
        if (!shownAt) shownAt = Date.now();
      },
    };
  },
};

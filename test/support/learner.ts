/**
 * A learner taking a Parcours package, through what a learner (or a screen reader) finds:
 * roles, accessible names and labels in the course's French interface. Works on the SCO
 * inside the LMS iframe (a FrameLocator) or on a page of its own (popup, standalone).
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { AuthoredChoice, AuthoredCourse, AuthoredQuestion, AuthoredQuiz, AuthoredStep } from './sample-course.js';
import { VIDEO_WAIT_MS } from './timeouts.js';

/** The interface strings a French learner reads (templates/i18n/fr.json, src/runtime/i18n.ts). */
export const UI = {
  leave: 'Quitter',
  submit: 'Valider mes réponses',
  retry: 'Faire une nouvelle tentative',
  print: 'Imprimer la fiche',
  videoWatched: 'Vidéo vue',
  closedHeading: 'À bientôt !',
  standaloneNotice: 'Mode hors plateforme',
  resumed: 'Vous reprenez où vous vous étiez arrêté',
  quizScore: /Votre score : (\d+)\s%/,
  attemptsLeft: (n: number) => (n === 1 ? `Il vous reste ${n} tentative.` : `Il vous reste ${n} tentatives.`),
  noAttemptsLeft: 'Vous avez utilisé toutes vos tentatives.',
  stepLink: (n: number, title: string) => `Étape ${n} : ${title}`,
} as const;

/** Activity kinds as the step page names them. */
const KIND_LABELS = ['Vidéo', 'Quiz', 'Fiche pratique', 'Outil'];

export type Scope = Page | FrameLocator;

/** How long a video may take to reach its threshold at the test's playback speed. */
/**
 * Faster than a learner, yet slow enough that the media time between two `timeupdate`
 * events (about 2 s here) stays well under the runtime's bound for continuous playing,
 * even on a busy machine; anything above that bound would count as a seek, not watched.
 */
export const TEST_PLAYBACK_RATE = 8;

export class Learner {
  constructor(
    readonly scope: Scope,
    readonly course: AuthoredCourse,
  ) {}

  /** The page region of a view, found by its heading (each view is a section labelled by its h1). */
  view(title: string): Locator {
    return this.scope.getByRole('region', { name: title, exact: true });
  }

  heading(): Locator {
    return this.scope.getByRole('heading', { level: 1 });
  }

  async overview(): Promise<Locator> {
    await this.scope.getByRole('link', { name: this.course.title, exact: true }).first().click();
    const view = this.view(this.course.title);
    await view.waitFor();
    return view;
  }

  async openStep(step: AuthoredStep): Promise<Locator> {
    const overview = await this.overview();
    const n = this.course.steps.indexOf(step) + 1;
    await overview.getByRole('link', { name: UI.stepLink(n, step.title), exact: true }).click();
    const view = this.view(step.title);
    await view.waitFor();
    return view;
  }

  /** Opens an activity from its step's page, as listed there. */
  async openActivity(step: AuthoredStep, title: string): Promise<Locator> {
    const stepView = await this.openStep(step);
    // The activity list's links read "<kind> <title>" (the pager's read "Suivant → <title>").
    const name = new RegExp(`^(${KIND_LABELS.join('|')})\\s*${escapeRegExp(title)}$`);
    await stepView.getByRole('link', { name }).click();
    const view = this.view(title);
    await view.waitFor();
    return view;
  }

  /**
   * Plays the step's video (sped up) until it reaches `share` of its length, or until the
   * interface says it was watched when `share` is 'threshold'.
   */
  async watchVideo(step: AuthoredStep, share: number | 'threshold' = 'threshold'): Promise<Locator> {
    const video = step.video!;
    const view = await this.openActivity(step, video.title);
    const player = view.locator('video');
    if (share === 'threshold') {
      await player.evaluate((v: HTMLVideoElement, rate) => {
        v.muted = true;
        v.playbackRate = rate;
        return v.play();
      }, TEST_PLAYBACK_RATE);
      await view.getByText(UI.videoWatched, { exact: true }).waitFor({ timeout: VIDEO_WAIT_MS });
      await player.evaluate((v: HTMLVideoElement) => v.pause());
    } else {
      await player.evaluate(
        (v: HTMLVideoElement, { stopAt, rate }) =>
          new Promise<void>((resolve, reject) => {
            v.addEventListener('timeupdate', () => {
              if (v.duration > 0 && v.currentTime >= stopAt * v.duration) {
                v.pause();
                resolve();
              }
            });
            v.addEventListener('ended', () => resolve());
            v.muted = true;
            v.playbackRate = rate;
            v.play().catch(reject);
          }),
        { stopAt: share, rate: TEST_PLAYBACK_RATE },
      );
    }
    return view;
  }

  /** The fieldset of one question, found by its prompt. */
  question(quizView: Locator, question: AuthoredQuestion): Locator {
    return quizView.getByRole('group').filter({ hasText: promptSnippet(question.prompt) });
  }

  choice(quizView: Locator, question: AuthoredQuestion, choice: AuthoredChoice): Locator {
    const role = question.type === 'multiple-choice' ? 'checkbox' : 'radio';
    return this.question(quizView, question).getByRole(role, { name: choice.text, exact: true });
  }

  /** Ticks, for every question, the choices `pick` returns, then submits; returns the score shown. */
  async answerQuiz(
    quizView: Locator,
    quiz: AuthoredQuiz,
    pick: (question: AuthoredQuestion) => AuthoredChoice[],
  ): Promise<number> {
    for (const question of quiz.questions) {
      for (const choice of pick(question)) await this.choice(quizView, question, choice).check();
    }
    await quizView.getByRole('button', { name: UI.submit }).click();
    return this.shownScore(quizView);
  }

  async shownScore(quizView: Locator): Promise<number> {
    const line = quizView.getByText(UI.quizScore);
    await line.waitFor();
    return Number(UI.quizScore.exec((await line.textContent()) ?? '')?.[1]);
  }

  async retry(quizView: Locator): Promise<void> {
    await quizView.getByRole('button', { name: UI.retry }).click();
  }

  /** Fills a tool: text fields by label, checklist items by their group and label. */
  async fillTool(view: Locator, values: Record<string, string | string[]>, step: AuthoredStep): Promise<void> {
    for (const field of step.tool!.fields) {
      const value = values[field.id];
      if (value === undefined) continue;
      if (field.type === 'text') {
        await view.getByLabel(field.label, { exact: true }).fill(String(value));
      } else {
        const group = view.getByRole('group', { name: field.label, exact: true });
        for (const item of field.items) {
          if ((value as string[]).includes(item.id)) await group.getByRole('checkbox', { name: item.label, exact: true }).check();
        }
      }
    }
  }

  /** Opens the step's tool and fills every field (a tool is done once filled in, by default): a text, the first item. */
  async completeTool(step: AuthoredStep): Promise<Locator> {
    const view = await this.openActivity(step, step.tool!.title);
    await this.fillTool(view, Object.fromEntries(step.tool!.fields.map((f) => [f.id, f.type === 'text' ? 'Un partenariat' : f.items.slice(0, 1).map((i) => i.id)])), step);
    return view;
  }

  async leave(): Promise<void> {
    await this.scope.getByRole('button', { name: UI.leave, exact: true }).click();
    await this.scope.getByRole('heading', { name: UI.closedHeading }).waitFor();
  }
}

/** The start of a prompt as the page shows it: Markdown emphasis gone, whitespace collapsed. */
function promptSnippet(prompt: string): string {
  const plain = prompt.replace(/\*\*|__|[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return plain.slice(0, 40);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

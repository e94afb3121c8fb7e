/**
 * Interface strings the runtime writes into the page (statuses, scores, feedback).
 * Static labels are printed by the templates (templates/i18n); these are the ones that
 * depend on the learner's progress. `{name}` placeholders; a `<key>_one` variant is used when n is 1.
 */
const fr = {
  todo: 'À faire',
  started: 'En cours',
  done: 'Terminé',
  stepDone: 'Terminée',
  percent: '{n}\u00a0%',
  start: 'Commencer le parcours',
  continue: 'Continuer : {title}',
  review: 'Revoir le parcours',
  resumed: 'Vous reprenez où vous vous étiez arrêté : {title}.',
  courseProgress: '{n}\u00a0% du parcours réalisé',
  courseScore: 'Score : {n}\u00a0%',
  coursePassed: 'Parcours réussi',
  courseFailed: 'Parcours non réussi (il fallait {n}\u00a0%)',
  courseCompleted: 'Parcours terminé',
  videoProgress: 'Vous avez vu {n}\u00a0% de la vidéo',
  videoWatched: 'Vidéo vue',
  quizScore: 'Votre score : {n}\u00a0%',
  quizPassed: 'Quiz réussi.',
  quizFailed: 'Il faut {n}\u00a0% pour réussir.',
  quizBest: 'Meilleur score : {n}\u00a0%.',
  attemptsLeft: 'Il vous reste {n} tentatives.',
  attemptsLeft_one: 'Il vous reste {n} tentative.',
  noAttemptsLeft: 'Vous avez utilisé toutes vos tentatives.',
  unanswered: 'Répondez à toutes les questions avant de valider : {n} sans réponse.',
  // '' = the same as the plural.
  unanswered_one: '',
  questionRight: 'Bonne réponse',
  questionPartly: 'Réponse en partie juste',
  questionWrong: 'Réponse incorrecte',
  choiceRight: 'Votre choix : juste',
  choiceWrong: 'Votre choix : inexact',
  choiceExpected: 'Réponse attendue',
  charCount: '{n} / {max} caractères',
};

export type UiStrings = typeof fr;
export type UiKey = keyof UiStrings;

const en: UiStrings = {
  todo: 'To do',
  started: 'In progress',
  done: 'Done',
  stepDone: 'Done',
  percent: '{n}%',
  start: 'Start the course',
  continue: 'Continue: {title}',
  review: 'Review the course',
  resumed: 'You are back where you left off: {title}.',
  courseProgress: '{n}% of the course done',
  courseScore: 'Score: {n}%',
  coursePassed: 'Course passed',
  courseFailed: 'Course not passed ({n}% needed)',
  courseCompleted: 'Course completed',
  videoProgress: 'You have watched {n}% of the video',
  videoWatched: 'Video watched',
  quizScore: 'Your score: {n}%',
  quizPassed: 'Quiz passed.',
  quizFailed: 'You need {n}% to pass.',
  quizBest: 'Best score: {n}%.',
  attemptsLeft: 'You have {n} attempts left.',
  attemptsLeft_one: 'You have {n} attempt left.',
  noAttemptsLeft: 'You have used all your attempts.',
  unanswered: 'Answer every question before checking: {n} questions unanswered.',
  unanswered_one: 'Answer every question before checking: {n} question unanswered.',
  questionRight: 'Correct',
  questionPartly: 'Partly correct',
  questionWrong: 'Incorrect',
  choiceRight: 'Your choice: right',
  choiceWrong: 'Your choice: wrong',
  choiceExpected: 'Expected answer',
  charCount: '{n} / {max} characters',
};

/**
 * Set by the build (esbuild `define`) to the course language, so that a package carries only
 * the table it uses: the page's own text is in that language too. Undefined in tests.
 */
declare const PARCOURS_UI_LANGUAGE: string | undefined;

export type Translate = (key: UiKey, values?: Record<string, string | number>) => string;

/** The translator for a language ('fr', 'en', or a tag such as 'en-GB'); French when unknown. */
export function translator(language: string | undefined): Translate {
  const table =
    typeof PARCOURS_UI_LANGUAGE === 'string'
      ? PARCOURS_UI_LANGUAGE === 'en'
        ? en
        : fr
      : /^en\b/i.test(language ?? '')
        ? en
        : fr;
  return (key, values = {}) => {
    const template = (values.n === 1 && (table as Record<string, string>)[`${key}_one`]) || table[key];
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
  };
}

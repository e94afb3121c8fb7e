/**
 * What the learner reads when a cmi5 launch cannot be tracked, in the course language. Each
 * message says what happened and what to do; the technical detail goes to the console.
 */
import type { Cmi5LaunchProblem } from './launch-error.js';

/** Set by the build (esbuild `define`), as for src/runtime/i18n.ts; undefined in tests. */
declare const PARCOURS_UI_LANGUAGE: string | undefined;

type Messages = Record<Cmi5LaunchProblem, string>;

const fr: Messages = {
  'invalid-launch':
    'Ce module a été ouvert sans les informations de connexion de votre plateforme : votre progression ne sera pas enregistrée. Fermez cette fenêtre et ouvrez le module depuis votre plateforme de formation.',
  'fetch-refused':
    'Votre plateforme de formation a refusé d’ouvrir la session (lien de lancement déjà utilisé ou expiré) : votre progression ne sera pas enregistrée. Fermez cette fenêtre et relancez le module depuis votre plateforme.',
  'fetch-failed':
    'Impossible de joindre votre plateforme de formation pour ouvrir la session : votre progression ne sera pas enregistrée. Vérifiez votre connexion, puis relancez le module depuis votre plateforme.',
  'launch-data':
    'Votre plateforme de formation n’a pas fourni les informations de lancement du module : votre progression ne sera pas enregistrée. Relancez le module depuis votre plateforme ; si cela se reproduit, prévenez son administrateur.',
  'session-ended':
    'Vous avez quitté ce module : cette session est terminée. Pour continuer, relancez le module depuis votre plateforme de formation.',
};

const en: Messages = {
  'invalid-launch':
    'This module was opened without your learning platform’s connection details, so your progress will not be saved. Close this window and open the module from your learning platform.',
  'fetch-refused':
    'Your learning platform refused to open the session (the launch link was already used or has expired), so your progress will not be saved. Close this window and launch the module again from your platform.',
  'fetch-failed':
    'Your learning platform could not be reached to open the session, so your progress will not be saved. Check your connection, then launch the module again from your platform.',
  'launch-data':
    'Your learning platform did not provide the module’s launch information, so your progress will not be saved. Launch the module again from your platform; if this happens again, tell its administrator.',
  'session-ended':
    'You left this module: this session is over. To continue, launch the module again from your learning platform.',
};

export function launchProblemMessage(problem: Cmi5LaunchProblem, language: string): string {
  const english = typeof PARCOURS_UI_LANGUAGE === 'string' ? PARCOURS_UI_LANGUAGE === 'en' : /^en\b/i.test(language);
  return (english ? en : fr)[problem];
}

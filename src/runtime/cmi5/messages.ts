/**
 * What the learner reads when a cmi5 launch cannot be tracked, in the course language. Each
 * message says what happened and what to do; `{status}` is the LMS's HTTP answer when that is
 * what went wrong (for the learner to pass on); the technical detail goes to the console.
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
  'launch-data-refused':
    'Votre plateforme de formation a refusé de transmettre à ce module ses informations de lancement (réponse {status}) : votre progression ne sera pas enregistrée. Relancez le module depuis votre plateforme ; si cela se reproduit, prévenez son administrateur.',
  'launch-data-missing':
    'Votre plateforme de formation n’a pas fourni les informations de lancement de ce module : votre progression ne sera pas enregistrée. Relancez le module depuis votre plateforme ; si cela se reproduit, prévenez son administrateur.',
  'launch-data-invalid':
    'Votre plateforme de formation a fourni des informations de lancement que ce module ne peut pas lire : votre progression ne sera pas enregistrée. Relancez le module depuis votre plateforme ; si cela se reproduit, prévenez son administrateur.',
  'launch-data-unreachable':
    'Impossible de lire auprès de votre plateforme de formation les informations de lancement de ce module : votre progression ne sera pas enregistrée. Vérifiez votre connexion, puis relancez le module depuis votre plateforme.',
  'session-ended':
    'Cette session est terminée (le module a été quitté, fermé ou rechargé) : ce que vous faites ici n’est plus enregistré. Pour continuer là où vous en étiez, relancez le module depuis votre plateforme de formation.',
};

const en: Messages = {
  'invalid-launch':
    'This module was opened without your learning platform’s connection details, so your progress will not be saved. Close this window and open the module from your learning platform.',
  'fetch-refused':
    'Your learning platform refused to open the session (the launch link was already used or has expired), so your progress will not be saved. Close this window and launch the module again from your platform.',
  'fetch-failed':
    'Your learning platform could not be reached to open the session, so your progress will not be saved. Check your connection, then launch the module again from your platform.',
  'launch-data-refused':
    'Your learning platform refused to give this module its launch information (answer {status}), so your progress will not be saved. Launch the module again from your platform; if this happens again, tell its administrator.',
  'launch-data-missing':
    'Your learning platform did not provide this module’s launch information, so your progress will not be saved. Launch the module again from your platform; if this happens again, tell its administrator.',
  'launch-data-invalid':
    'Your learning platform provided launch information this module cannot read, so your progress will not be saved. Launch the module again from your platform; if this happens again, tell its administrator.',
  'launch-data-unreachable':
    'This module’s launch information could not be read from your learning platform, so your progress will not be saved. Check your connection, then launch the module again from your platform.',
  'session-ended':
    'This session has ended (the module was left, closed or reloaded): what you do here is no longer saved. To continue where you were, launch the module again from your learning platform.',
};

export function launchProblemMessage(problem: Cmi5LaunchProblem, language: string, status?: number): string {
  const english = typeof PARCOURS_UI_LANGUAGE === 'string' ? PARCOURS_UI_LANGUAGE === 'en' : /^en\b/i.test(language);
  return (english ? en : fr)[problem].replace('{status}', String(status ?? '?'));
}

/**
 * What Moodle would refuse or change in what a SCORM 1.2 course sends, in the author's words.
 * Moodle's checks (mod/scorm/datamodels/scorm_12.js and the "Mastery score overrides status"
 * setting), the same the build encodes (src/package/targets/scorm12-check.ts,
 * src/runtime/adapters/scorm12-format.ts). Browser code, an ES module without imports, also
 * read by the tests; every function is pure.
 *
 * A warning: { key, kind: 'refused' | 'changed', text }. `key` names the problem, so the panel
 * shows it once however often the course repeats it.
 */

/** CMIIdentifier as Moodle checks it: printable ASCII, no spaces, 1 to 255 characters. */
const CMI_IDENTIFIER = /^[\u0021-\u007e]{1,255}$/;
/** Moodle's CMIDecimal; scores must also lie in 0–100. */
const CMI_DECIMAL = /^-?([0-9]{0,3})(\.[0-9]*)?$/;
const STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];
const MAX_STRING255 = 255;

const count = (n) => Number(n).toLocaleString('en-US');
const quote = (value) => `“${value.length > 60 ? `${value.slice(0, 57)}…` : value}”`;

/** Warnings for one LMSSetValue(element, value). `limit` is what `cmi.suspend_data` keeps (4,096). */
export function setValueWarnings(element, value, limit = 4096) {
  const text = String(value);
  const refused = (key, message) => [{ key, kind: 'refused', text: message }];

  const id = /^cmi\.(interactions\.\d+(\.objectives\.\d+)?|objectives\.\d+)\.id$/.exec(element);
  if (id && !CMI_IDENTIFIER.test(text)) {
    const what = id[2] ? 'an interaction’s objective id' : id[1].startsWith('interactions') ? 'an interaction id' : 'an objective id';
    const problem = text === '' ? 'it is empty' : text.length > MAX_STRING255 ? `it has ${count(text.length)} characters` : /\s/.test(text) ? 'it holds a space' : 'it holds a character outside printable ASCII';
    return refused(`id:${element}:${text}`, `Moodle refuses ${quote(text)} as ${what} (${element}): ${problem}. Identifiers are 1 to 255 printable ASCII characters, without spaces.`);
  }
  if (/^cmi\.(core|objectives\.\d+)\.score\.(raw|min|max)$/.test(element)) {
    const number = Number(text);
    if (text !== '' && (!CMI_DECIMAL.test(text) || !(number >= 0 && number <= 100))) {
      return refused(`score:${element}:${text}`, `Moodle refuses the score ${quote(text)} for ${element}: scores are numbers from 0 to 100.`);
    }
  }
  if (element === 'cmi.suspend_data' && text.length > limit) {
    return refused(
      `suspend:${text.length}`,
      `Moodle refuses saved progress of ${count(text.length)} characters: cmi.suspend_data keeps ${count(limit)}. What the learner did since the last save would be lost at the next launch.`,
    );
  }
  if (element === 'cmi.core.lesson_location' && text.length > MAX_STRING255) {
    return refused('location', `Moodle refuses a bookmark of ${count(text.length)} characters (cmi.core.lesson_location keeps 255): the learner would not come back to this page.`);
  }
  if (element === 'cmi.core.lesson_status' && !STATUSES.includes(text)) {
    return refused(`status:${text}`, `Moodle refuses the status ${quote(text)}: a course may send ${STATUSES.join(', ')}.`);
  }
  if (/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/.test(element) && text.length > MAX_STRING255) {
    return refused(`response:${element}`, `Moodle refuses the ${count(text.length)} characters of ${element}: it keeps 255, and the answer would be missing from its reports.`);
  }
  return [];
}

/**
 * What Moodle changes when the course commits or finishes: with a mastery score (from the
 * manifest) and a raw score, a normal launch with credit gets passed or failed from the score,
 * whatever status the course sent. `cmi` is the flattened data model.
 */
export function commitWarnings(cmi) {
  const mastery = cmi['cmi.student_data.mastery_score'] ?? '';
  const raw = cmi['cmi.core.score.raw'] ?? '';
  const status = cmi['cmi.core.lesson_status'] ?? '';
  const mode = cmi['cmi.core.lesson_mode'] || 'normal';
  if (mastery === '' || raw === '' || !Number.isFinite(Number(mastery)) || !Number.isFinite(Number(raw))) return [];
  if (mode !== 'normal' || cmi['cmi.core.credit'] === 'no-credit' || status === '' || status === 'not attempted') return [];
  const decided = Number(raw) >= Number(mastery) ? 'passed' : 'failed';
  if (decided === status) return [];
  return [
    {
      key: `mastery:${status}:${decided}`,
      kind: 'changed',
      text:
        `Moodle records “${decided}”, not “${status}”: with the mastery score ${mastery} of imsmanifest.xml, Moodle decides from the score ` +
        `(${raw} ${decided === 'passed' ? '≥' : '<'} ${mastery}) when the course finishes (“Mastery score overrides status”, on by default). ` +
        `Make them agree with reportStatusAs: passed/failed, or build with --no-mastery-score.`,
    },
  ];
}

/** The build's worst case against what the LMS keeps (parcours-build.json). */
export function budgetWarnings(worstCase, limit = 4096) {
  if (!(worstCase > limit)) return [];
  return [
    {
      key: 'budget',
      kind: 'refused',
      text: `Filled in completely, this course saves ${count(worstCase)} characters of progress; Moodle keeps ${count(limit)} and refuses more (the build reports STATE_TOO_LARGE). Lower maxLength on text fields, or use fewer questions.`,
    },
  ];
}

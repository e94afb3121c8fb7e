/** Types of moodle-rules.js (browser code served as is), for the tests. */
export interface MoodleWarning {
  key: string;
  kind: 'refused' | 'changed';
  text: string;
}
export function setValueWarnings(element: string, value: string, limit?: number): MoodleWarning[];
export function commitWarnings(cmi: Record<string, string>): MoodleWarning[];
export function budgetWarnings(worstCase: number | undefined, limit?: number): MoodleWarning[];

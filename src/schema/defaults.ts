/**
 * Default values of optional fields: the one place they live. The schemas publish them
 * (`default`, shown by editors) and the loader applies them when building the model.
 */
import { DEFAULT_COMPLETION } from '../shared/course-data.js';

export const defaults = {
  version: '1.0.0',
  authors: [] as string[],
  passingScore: 80,
  themeColor: '#1d5c8f',
  watchedThreshold: 0.9,
  attempts: 0,
  shuffle: false,
  showCorrectAnswers: 'after-last-attempt',
  completion: DEFAULT_COMPLETION,
  partialCredit: false,
  weight: 1,
  correct: false,
  multiline: false,
  maxLength: 300,
  completeWhen: 'filled',
  required: true,
} as const;

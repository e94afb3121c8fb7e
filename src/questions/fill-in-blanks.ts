/**
 * Blanks of a fill-in text: `[[answer]]`, or `[[answer|other accepted answer|…]]`. Pure, used
 * by the loader (model and checks) and by render (the inputs in place of the blanks).
 */

const BLANK = /\[\[([^[\]]*)\]\]/g;

export interface BlankMark {
  /** Accepted answers as written, trimmed, line breaks and runs of spaces as one space; may hold empty strings (reported by the check). */
  answers: string[];
  /** Where the mark starts in the text and how long it is. */
  index: number;
  length: number;
}

export function findBlanks(text: string): BlankMark[] {
  return [...text.matchAll(BLANK)].map((m) => ({
    answers: m[1]!.split('|').map((a) => a.trim().replace(/\s+/g, ' ')),
    index: m.index,
    length: m[0].length,
  }));
}

/** The text with every blank replaced by `replace(blankIndex)`. */
export function replaceBlanks(text: string, replace: (index: number) => string): string {
  let n = 0;
  return text.replace(BLANK, () => replace(n++));
}

/**
 * Characters the learner may type in a blank: twice its longest accepted answer, between 20 and
 * 100. Bounded so that the saved learner state stays within what the LMS keeps.
 */
export function blankMaxLength(answers: readonly string[]): number {
  const longest = Math.max(0, ...answers.map((a) => a.length));
  return Math.min(100, Math.max(20, 2 * longest));
}

/**
 * Building blocks of the YAML format, shared by course.yaml, step files and the
 * activity and question modules. Titles, descriptions and examples end up in the
 * published JSON Schema, so editors show them while the author types.
 */
import { Type, type TNumber, type TString, type TUnion, type ObjectOptions, type TProperties, type TObject } from '@sinclair/typebox';

/** Letter first, then letters, digits, `-`, `_`: printable ASCII without spaces, safe in every LMS identifier. */
export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_-]*$';
/** Short enough that composed ids (`<quizId>.<questionId>`) stay far under the 255 characters LMSs keep. */
export const ID_MAX_LENGTH = 64;

export function Id(description: string, examples: string[]): TString {
  return Type.String({
    pattern: ID_PATTERN,
    maxLength: ID_MAX_LENGTH,
    description: `${description} Starts with a letter, then letters, digits, - or _; at most ${ID_MAX_LENGTH} characters. Keep it stable once published: LMSs store progress under it.`,
    examples,
  });
}

/** Text that must not be empty (titles, labels). */
export function Text(description: string, examples: string[] = []): TString {
  return Type.String({ minLength: 1, description, ...(examples.length ? { examples } : {}) });
}

/** A path inside the course folder, relative to it. */
export function FilePath(description: string, examples: string[]): TString {
  return Type.String({ minLength: 1, description: `${description} Relative to the course folder; it must stay inside it.`, examples });
}

export const MarkdownFileSchema = Type.Object(
  {
    file: FilePath('A Markdown (.md) file holding the text.', ['sheets/typologie.md']),
  },
  { additionalProperties: false, title: 'Markdown file reference', description: 'Text read from a Markdown file.' },
);

/** Markdown inline, or `{ file: path.md }`. */
export type TMarkdown = TUnion<[TString, typeof MarkdownFileSchema]>;

export function Markdown(description: string, examples: unknown[] = []): TMarkdown {
  return Type.Union([Type.String({ minLength: 1 }), MarkdownFileSchema], {
    description: `${description} Markdown, written inline or as { file: path/to/text.md }.`,
    ...(examples.length ? { examples } : {}),
  });
}

export function Percent(description: string, defaultValue?: number): TNumber {
  return Type.Number({
    minimum: 0,
    maximum: 100,
    description: `${description} Percent, 0 to 100.`,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  });
}

export const AttachmentSchema = Type.Object(
  {
    title: Text('Link text shown to the learner.', ['Fiche en PDF']),
    src: FilePath('The file to download (pdf, doc(x), odt, xls(x), ods, ppt(x), odp, txt, csv, zip, png, jpg).', [
      'files/typologie.pdf',
    ]),
  },
  { additionalProperties: false, title: 'Download', description: 'A file the learner can download.' },
);

/** An object that rejects unknown fields, so typos are reported instead of ignored. */
export function StrictObject<T extends TProperties>(properties: T, options: ObjectOptions & { title: string }): TObject<T> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/**
 * The data the build embeds in every package for the runtime (as JSON in
 * `<script type="application/json" id="parcours-data">`). It is the contract between
 * the Node side (render) and the browser side (runtime): only what the runtime needs
 * to track and score; text and markup are in the rendered HTML.
 * Pure types: imported by both sides.
 */
export interface RuntimeCourse {
  id: string;
  /** The course's activity IRI when the author set one (Course.iri); see src/shared/iri.ts. */
  iri?: string;
  title: string;
  version: string;
  language: 'fr' | 'en';
  /** Percent 0–100 of the course score needed to pass. */
  passingScore: number;
  /** Whether the course has anything to pass (at least one quiz). */
  graded: boolean;
  steps: RuntimeStep[];
}

export interface RuntimeStep {
  id: string;
  title: string;
  activities: RuntimeActivity[];
}

export type RuntimeActivity = RuntimeVideo | RuntimeQuiz | RuntimeSheet | RuntimeTool;

export interface RuntimeVideo {
  kind: 'video';
  id: string;
  title: string;
  /** 0–1 share that counts as watched. */
  threshold: number;
  source: 'file' | 'youtube' | 'vimeo' | 'url';
}

export interface RuntimeQuiz {
  kind: 'quiz';
  id: string;
  title: string;
  passingScore: number;
  /** 0 = unlimited. */
  attempts: number;
  shuffle: boolean;
  questions: RuntimeQuestion[];
}

export interface RuntimeQuestion {
  id: string;
  type: string;
  weight: number;
  /** Question text as plain text (for xAPI descriptions), markup stripped. */
  promptText: string;
  choices: { id: string; correct: boolean; text: string }[];
}

export interface RuntimeSheet {
  kind: 'sheet';
  id: string;
  title: string;
}

export interface RuntimeTool {
  kind: 'tool';
  id: string;
  title: string;
  fields: RuntimeToolField[];
}

export type RuntimeToolField =
  | { type: 'text'; id: string; maxLength: number }
  | { type: 'checklist'; id: string; items: string[] };

/**
 * parcours-build.json, at the root of every package: what built it and the largest learner
 * state its runtime can save, so `parcours verify` (and an LMS admin) can tell from the zip
 * alone whether learners' progress fits what the LMS keeps. Deterministic: the same course
 * and Parcours version give the same bytes. The runtime never reads it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../model/course.js';
import { packageRoot } from '../render/package-root.js';
import type { PackageFile, Target } from './target.js';

export const BUILD_RECORD_FILE = 'parcours-build.json';

export interface BuildRecord {
  generator: 'parcours';
  /** Parcours' version. */
  version: string;
  target: string;
  course: { id: string; version: string };
  /** Characters of the largest state the runtime can save, and what the target's LMS keeps. */
  learnerState: { worstCase: number; limit: number };
}

let parcoursVersion: string | undefined;

export function buildRecordFile(course: Pick<Course, 'id' | 'version'>, target: Pick<Target, 'name' | 'maxStateLength'>, worstCase: number): PackageFile {
  parcoursVersion ??= (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  const record: BuildRecord = {
    generator: 'parcours',
    version: parcoursVersion,
    target: target.name,
    course: { id: course.id, version: course.version },
    learnerState: { worstCase, limit: target.maxStateLength },
  };
  return { path: BUILD_RECORD_FILE, kind: 'data', data: Buffer.from(JSON.stringify(record, null, 2) + '\n', 'utf8') };
}

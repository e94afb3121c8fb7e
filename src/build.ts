/**
 * The programmatic build: load → validate → render → package → write.
 * The CLI is a thin shell over this; it only prints and sets the exit code.
 */
import path from 'node:path';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { loadCourse } from './load/index.js';
import { renderCourse } from './render/index.js';
import { resolveTargets } from './package/targets.js';
import type { BuildOptions } from './package/target.js';
import { writeZip } from './write/zip.js';
import { checkStateBudget } from './package/state-budget.js';

export interface BuildRequest {
  courseDir: string;
  targets: string[];
  options: BuildOptions;
}

export interface BuiltPackage {
  target: string;
  zipPath: string;
  bytes: number;
  files: number;
}

export interface BuildResult {
  ok: boolean;
  diagnostics: Diagnostic[];
  packages: BuiltPackage[];
}

export async function build(request: BuildRequest): Promise<BuildResult> {
  const loaded = await loadCourse(request.courseDir);
  const diagnostics = [...loaded.diagnostics];
  const course = loaded.course;
  if (!course || diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics, packages: [] };
  }

  const targets = resolveTargets(request.targets);
  const targetDiagnostics: Diagnostic[] = [];
  for (const target of targets) {
    targetDiagnostics.push(...checkStateBudget(course, target));
  }
  diagnostics.push(...targetDiagnostics);
  if (targetDiagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics, packages: [] };
  }

  const packages: BuiltPackage[] = [];
  for (const target of targets) {
    const pages = await renderCourse(course, target);
    const files = await target.package(course, pages, request.options);
    const zipPath = path.join(request.options.outDir, `${course.id}-${course.version}-${target.name}.zip`);
    const written = await writeZip(zipPath, files);
    packages.push({ target: target.name, zipPath, bytes: written.bytes, files: files.length });
  }
  return { ok: true, diagnostics, packages };
}

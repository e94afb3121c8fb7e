import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Language } from '../model/course.js';
import { packageRoot } from './package-root.js';

/** Interface strings the templates print, per language (templates/i18n/<lang>.json). */
export type TemplateStrings = Record<string, string>;

export async function loadTemplateStrings(language: Language): Promise<TemplateStrings> {
  const file = path.join(packageRoot(), 'templates', 'i18n', `${language}.json`);
  return JSON.parse(await readFile(file, 'utf8')) as TemplateStrings;
}

/**
 * Looks a string up and fills `{name}` placeholders. When `n` is 1 and a `<key>_one`
 * variant exists, that one is used (singular). A missing key shows as the key itself, so
 * a forgotten translation is visible rather than blank.
 */
export function formatString(strings: TemplateStrings, key: string, values: Record<string, string | number> = {}): string {
  const template = (values.n === 1 ? strings[`${key}_one`] : undefined) ?? strings[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

import type { Theme } from '../model/course.js';
import { FONT_STACKS } from '../schema/font-stacks.js';
import type { AssetCollector } from './assets.js';

/** The family name the course's own font file gets in the page. */
const COURSE_FONT = 'Course font';

/**
 * The course's theme as CSS custom properties: its colour, darkened when needed so text and
 * buttons drawn with it keep WCAG AA contrast on white (4.5:1), and its typeface.
 */
export function themeStyle(theme: Pick<Theme, 'color' | 'font' | 'fontFile'>): string {
  const stack = theme.font && theme.font !== 'system' ? FONT_STACKS[theme.font] : undefined;
  const font = theme.fontFile ? `--font:"${COURSE_FONT}",${stack ?? FONT_STACKS.system}` : stack ? `--font:${stack}` : '';
  return [colorStyle(theme.color), font].filter(Boolean).join(';');
}

/** The @font-face rule of the theme's font file ('' without one); the file is packaged under content/. */
export function fontFace(theme: Pick<Theme, 'fontFile'>, assets: AssetCollector): string {
  const file = theme.fontFile;
  if (!file) return '';
  // The href is percent-encoded segment by segment: nothing in it can end the string or the style element.
  const format = file.path.toLowerCase().endsWith('.woff') ? 'woff' : 'woff2';
  return `@font-face{font-family:"${COURSE_FONT}";src:url("${assets.add(file.path, file.absPath)}") format("${format}");font-display:swap}`;
}

function colorStyle(color: string): string {
  const rgb = parseHex(color) ?? parseHex('#1d5c8f')!;
  let ink = rgb;
  for (let i = 1; contrastOnWhite(ink) < 4.5 && i <= 20; i++) ink = mix(rgb, [0, 0, 0], i * 0.05);
  return [
    `--accent:${toHex(ink)}`,
    `--accent-strong:${toHex(mix(ink, [0, 0, 0], 0.2))}`,
    `--accent-soft:${toHex(mix(ink, [255, 255, 255], 0.9))}`,
    `--accent-line:${toHex(mix(ink, [255, 255, 255], 0.7))}`,
  ].join(';');
}

type Rgb = [number, number, number];

function parseHex(color: string): Rgb | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2}|[0-9a-f])?$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

function mix(a: Rgb, b: Rgb, share: number): Rgb {
  return a.map((v, i) => Math.round(v + (b[i]! - v) * share)) as Rgb;
}

function toHex(rgb: Rgb): string {
  return '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of a colour against white. */
export function contrastOnWhite(rgb: Rgb): number {
  return 1.05 / (luminance(rgb) + 0.05);
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from './package-root.js';
import { formatString, type TemplateStrings } from './strings.js';

/**
 * Compiles templates/layout.hbs with every other template of templates/ and
 * templates/partials/ as a partial named after its file. Read on each call so that
 * template edits show up in watch mode; Handlebars compiles fast.
 */
export async function compilePage(strings: TemplateStrings): Promise<(view: object) => string> {
  const root = path.join(packageRoot(), 'templates');
  const hb = Handlebars.create();
  for (const dir of [root, path.join(root, 'partials')]) {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort();
    for (const name of names) {
      hb.registerPartial(name.slice(0, -4), await readFile(path.join(dir, name), 'utf8'));
    }
  }
  hb.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    formatString(strings, key, options.hash as Record<string, string | number>),
  );
  const layout = hb.compile(await readFile(path.join(root, 'layout.hbs'), 'utf8'), { strict: false, noEscape: false });
  return (view) => layout(view);
}

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from './package-root.js';
import { formatString, type TemplateStrings } from './strings.js';

/** Handlebars data (`@strings` in a template) carrying the interface strings of the page being rendered. */
interface PageData {
  strings: TemplateStrings;
}

/** The compiled layout, shared by every render of the process (preview rebuilds, several targets). */
let compiledLayout: Promise<Handlebars.TemplateDelegate> | undefined;

/**
 * templates/layout.hbs with every other template of templates/ and templates/partials/ as a
 * partial named after its file, bound to the interface strings of one language. The templates
 * are read and compiled once per process (a template edit needs a restart); the strings
 * travel as Handlebars data, so one compiled layout serves every language.
 */
export async function compilePage(strings: TemplateStrings): Promise<(view: object) => string> {
  compiledLayout ??= compileLayout().catch((error: unknown) => {
    compiledLayout = undefined; // let the next render try again
    throw error;
  });
  const layout = await compiledLayout;
  const data: PageData = { strings };
  return (view) => layout(view, { data });
}

async function compileLayout(): Promise<Handlebars.TemplateDelegate> {
  const root = path.join(packageRoot(), 'templates');
  const hb = Handlebars.create();
  for (const dir of [root, path.join(root, 'partials')]) {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort();
    for (const name of names) {
      hb.registerPartial(name.slice(0, -4), await readFile(path.join(dir, name), 'utf8'));
    }
  }
  // Data frames inherit from their parent, so `strings` reaches every block and partial.
  hb.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    formatString((options.data as PageData).strings, key, options.hash as Record<string, string | number>),
  );
  return hb.compile(await readFile(path.join(root, 'layout.hbs'), 'utf8'), { strict: false, noEscape: false });
}

import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type Handlebars from 'handlebars';
import { cached, fileDigest, sha256 } from './disk-cache.js';
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

/**
 * Compile options of the layout and of every partial. preventIndent: Handlebars otherwise indents every
 * line a partial outputs by the partial call's own indentation, the author's text included, so a code
 * block in a sheet showed each line after the first shifted right (inside <pre>, spaces show).
 */
const COMPILE_OPTIONS = { strict: false, noEscape: false, preventIndent: true } as const;

/** The templates, or their precompiled code (Handlebars.precompile): the page and the partials by name. */
interface Templates {
  layout: string;
  partials: Record<string, string>;
}

/**
 * Compiling the templates is a fixed cost of every build (about 60 ms, and the Handlebars
 * compiler's loading): their precompiled code is kept in the disk cache (src/render/disk-cache.ts)
 * under the digest of the templates, the Handlebars version and this module, so a build
 * usually loads only Handlebars' runtime and evaluates that code.
 */
async function compileLayout(): Promise<Handlebars.TemplateDelegate> {
  const sources = await readTemplates();
  const require = createRequire(import.meta.url);
  const version = (require('handlebars/package.json') as { version: string }).version;
  const digest = sha256(version, fileDigest(fileURLToPath(import.meta.url)), JSON.stringify(sources));
  const code = JSON.parse(await cached(`templates-${digest}.json`, async () => JSON.stringify(precompile(sources)))) as Templates;

  // Imported (not required) so that the CLI bundle inlines Handlebars' runtime (scripts/bundle-cli.ts).
  const hb = ((await import('handlebars/runtime.js')) as unknown as { default: typeof Handlebars }).default.create();
  const load = (spec: string) => hb.template(new Function(`return ${spec}`)() as Parameters<typeof hb.template>[0]);
  for (const [name, spec] of Object.entries(code.partials)) hb.registerPartial(name, load(spec));
  // Data frames inherit from their parent, so `strings` reaches every block and partial.
  hb.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
    formatString((options.data as PageData).strings, key, options.hash as Record<string, string | number>),
  );
  return load(code.layout);
}

/** templates/layout.hbs, and every .hbs of templates/ and templates/partials/ as a partial named after its file. */
async function readTemplates(): Promise<Templates> {
  const root = path.join(packageRoot(), 'templates');
  const partials: Record<string, string> = {};
  for (const dir of [root, path.join(root, 'partials')]) {
    const names = (await readdir(dir)).filter((n) => n.endsWith('.hbs')).sort();
    for (const name of names) partials[name.slice(0, -4)] = await readFile(path.join(dir, name), 'utf8');
  }
  return { layout: await readFile(path.join(root, 'layout.hbs'), 'utf8'), partials };
}

function precompile(sources: Templates): Templates {
  const compiler = createRequire(import.meta.url)('handlebars') as typeof Handlebars;
  const code = (source: string) => compiler.precompile(source, COMPILE_OPTIONS) as string;
  return {
    layout: code(sources.layout),
    partials: Object.fromEntries(Object.entries(sources.partials).map(([name, source]) => [name, code(source)])),
  };
}

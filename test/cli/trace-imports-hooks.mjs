import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (process.env.PARCOURS_IMPORT_TRACE) appendFileSync(process.env.PARCOURS_IMPORT_TRACE, `${result.url}\n`);
  return result;
}

/**
 * cmi5 (cmi5.xml, the course structure of cmi5 §13–§14): the official CourseStructure.xsd, the
 * AUs' launch URLs (relative ones must be in the package), unique AU ids, the mastery score
 * and moveOn the LMS passes to each AU.
 */
import { createFinding } from '../findings.js';
import type { ManifestContext, PackageStandard } from '../standard.js';
import { descendants, childNamed, lineOf, lineOfElement } from '../xml.js';
import { checkLaunch, checkSchema } from './common.js';

export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';

export const cmi5: PackageStandard = {
  manifest: 'cmi5.xml',

  async check(ctx) {
    const schema = await checkSchema(ctx, { folder: 'cmi5', driver: 'cmi5.xsd', label: 'the cmi5 CourseStructure schema' });
    if (ctx.root.local !== 'courseStructure' || ctx.root.attrs.get(ctx.root.prefix ? `xmlns:${ctx.root.prefix}` : 'xmlns') !== CMI5_NAMESPACE) {
      ctx.add(createFinding('CMI5_INVALID', { detail: `The root element is \`<${ctx.root.name}>\`, not \`<courseStructure xmlns="${CMI5_NAMESPACE}">\``, help: 'Export the package again as cmi5.' }, { file: ctx.file, line: 1 }));
    }
    const aus = [...descendants(ctx.root)].filter((e) => e.local === 'au');
    const launch: string[] = [];
    const ids = new Set<string>();
    for (const au of aus) {
      const id = au.attrs.get('id') ?? '';
      const line = lineOf(ctx.text, 'id', id);
      if (ids.has(id)) {
        ctx.add(createFinding('CMI5_INVALID', { detail: `AU id \`${id}\` is used twice`, help: 'Every AU id is a globally unique IRI (cmi5 §14.1.3): the LMS would track both AUs as one.' }, { file: ctx.file, line }));
      }
      ids.add(id);
      const url = childNamed(au, 'url')?.text;
      if (!url) {
        ctx.add(createFinding('LAUNCH_NONE', { detail: `AU \`${id}\` has no \`<url>\`: the LMS has nothing to launch` }, { file: ctx.file, line }));
        continue;
      }
      const opened = checkLaunch(ctx, `AU \`${id}\``, url, '', lineOfElement(ctx.text, 'url'));
      if (opened !== undefined) launch.push(opened);
      const mastery = au.attrs.get('masteryScore');
      const moveOn = au.attrs.get('moveOn') ?? 'NotApplicable';
      if (mastery !== undefined) {
        const value = Number(mastery);
        if (!/^\d*\.?\d+$/.test(mastery) || value > 1) {
          ctx.add(createFinding('MASTERY_SCORE_INVALID', { detail: `AU \`${id}\` has masteryScore \`${mastery}\`, not a decimal from 0 to 1`, help: 'cmi5 §14.1.3: write the passing score as a fraction, such as 0.8.' }, { file: ctx.file, line }));
          continue;
        }
      }
      ctx.add(
        createFinding('MASTERY_SCORE', {
          detail:
            `AU \`${id}\`: moveOn ${moveOn}` +
            (mastery !== undefined ? `, masteryScore ${mastery}. The LMS passes both to the AU (LMS.LaunchData); the AU reports passed or failed against the score` : ', no masteryScore: the AU decides passed or failed on its own') +
            ', and the LMS counts the AU satisfied once moveOn is met',
        }, { file: ctx.file, line }),
      );
    }
    if (aus.length === 0) ctx.add(createFinding('LAUNCH_NONE', { detail: 'cmi5.xml has no `<au>`: the LMS has nothing to launch' }, { file: ctx.file }));
    return { standard: 'cmi5', launch, schema };
  },
};

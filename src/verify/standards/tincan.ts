/**
 * xAPI with TinCan launch (tincan.xml). No schema was ever published for it (the namespace
 * `http://projecttincan.com/tincan.xsd` is only a name), so the rules are those of Rustici's
 * launch document (RusticiSoftware/launch, lms_lrs.md): `<tincan><activities>`, exactly one
 * activity with `<launch>`, its id an absolute IRI, its page in the package.
 */
import { createFinding } from '../findings.js';
import type { ManifestContext, PackageStandard } from '../standard.js';
import { childNamed, childrenNamed, lineOf, lineOfElement } from '../xml.js';
import { checkLaunch } from './common.js';

export const tincan: PackageStandard = {
  manifest: 'tincan.xml',

  async check(ctx: ManifestContext) {
    const invalid = (detail: string, line?: number) => ctx.add(createFinding('TINCAN_INVALID', { detail }, { file: ctx.file, line }));
    ctx.add(
      createFinding('MANIFEST_SCHEMA_PARTIAL', {
        what: `\`${ctx.file}\` was checked against the rules of the TinCan launch document, not a schema`,
        why: 'none was ever published for it',
      }, { file: ctx.file }),
    );
    if (ctx.root.local !== 'tincan') invalid(`The root element is \`<${ctx.root.name}>\`, not \`<tincan>\``, 1);
    const activities = childrenNamed(childNamed(ctx.root, 'activities'), 'activity');
    const launchers = activities.filter((a) => childNamed(a, 'launch')?.text);
    const launch: string[] = [];
    if (launchers.length === 0) {
      ctx.add(createFinding('LAUNCH_NONE', { detail: 'No activity in tincan.xml has a `<launch>`: the LMS has nothing to open' }, { file: ctx.file }));
    } else if (launchers.length > 1) {
      invalid(`${launchers.length} activities have a \`<launch>\`; only one may: LMSs import the first, or refuse the package`, lineOfElement(ctx.text, 'launch'));
    }
    for (const activity of launchers.slice(0, 1)) {
      const id = activity.attrs.get('id') ?? '';
      if (!/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(id)) invalid(`The launched activity's id \`${id}\` is not an absolute IRI (such as https://example.org/courses/intro): LRSs refuse statements about it`, lineOf(ctx.text, 'id', id));
      const opened = checkLaunch(ctx, `Activity \`${id}\``, childNamed(activity, 'launch')!.text, '', lineOfElement(ctx.text, 'launch'));
      if (opened !== undefined) launch.push(opened);
    }
    return { standard: 'xAPI (TinCan launch)', launch };
  },
};

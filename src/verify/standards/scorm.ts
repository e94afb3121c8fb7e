/**
 * SCORM 1.2 and 2004 (imsmanifest.xml, IMS Content Packaging): which version, the official
 * schemas, what Moodle's importer (mod/scorm/datamodels/scormlib.php) makes of it, the files,
 * the launch, the identifiers and the mastery score.
 *
 * Moodle's importer matches names as written, upper-cased: `MANIFEST`, `ITEM`, `RESOURCE`
 * without a prefix, `ADLCP:SCORMTYPE`, `ADLCP:MASTERYSCORE`; it reads the version from
 * `<schemaversion>` only (`1.2`, `CAM 1.3`, `2004 3rd|4th Edition`, anything else → 1.2), and
 * stores identifiers and titles in 255-character columns (mod/scorm/db/install.xml).
 */
import { createFinding } from '../findings.js';
import type { ManifestContext, PackageStandard, StandardSummary } from '../standard.js';
import { attrByLocal, childNamed, childrenNamed, descendants, lineOf, lineOfElement, namespaces, type XmlElement } from '../xml.js';
import { IMSMD_NAMESPACE } from '../xsd.js';
import { checkLaunch, checkSchema, MissingFiles } from './common.js';

const NS_SCORM12 = ['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'http://www.adlnet.org/xsd/adlcp_rootv1p2'];
const NS_SCORM2004 = ['http://www.imsglobal.org/xsd/imscp_v1p1', 'http://www.adlnet.org/xsd/adlcp_v1p3'];
/** The versions Moodle recognises in `<schemaversion>` (scorm_get_manifest). */
const MOODLE_VERSION_12 = /^1\.2$/;
const MOODLE_VERSION_2004 = /^(CAM )?1\.3$|^2004 (3rd|4th) Edition$/;
/** Moodle's scorm_scoes columns (manifest, organization, identifier, title) are char(255). */
const MOODLE_MAX_LENGTH = 255;

export const scorm: PackageStandard = {
  manifest: 'imsmanifest.xml',

  async check(ctx) {
    const version = scormVersion(ctx);
    checkMoodleNames(ctx, version);
    const schema = await checkSchema(
      ctx,
      version === '1.2'
        ? { folder: 'scorm12', driver: 'scorm12-noimsmd.xsd', label: 'the SCORM 1.2 schemas (IMS CP 1.1.2, ADL CP 1.2)' }
        : { folder: 'scorm2004-4th', driver: 'scorm2004-all.xsd', label: 'the SCORM 2004 4th Edition schemas' },
      { imsmdByNameOnly: version === '1.2' && embedsImsMetadata(ctx.text) },
    );
    if (version === '1.2' && embedsImsMetadata(ctx.text) && schema) {
      ctx.add(
        createFinding('MANIFEST_SCHEMA_PARTIAL', {
          what: `The IMS metadata (imsmd) inside \`${ctx.file}\` was checked for its element names only`,
          why: 'the official imsmd_rootv1p2p1.xsd cannot be compiled by libxml2 2.10 and later, the validator bundled here (its content models are not deterministic); the rest of the manifest was checked in full',
        }, { file: ctx.file, line: lineOfElement(ctx.text, 'lom') }),
      );
    }
    const launch = checkStructure(ctx, version);
    checkMastery(ctx, version);
    return { standard: version === '1.2' ? 'SCORM 1.2' : `SCORM ${editionOf(ctx)}`, launch, schema } satisfies StandardSummary;
  },
};

type ScormVersion = '1.2' | '2004';

function schemaVersionText(ctx: ManifestContext): string | undefined {
  return childNamed(childNamed(ctx.root, 'metadata'), 'schemaversion')?.text;
}

function editionOf(ctx: ManifestContext): string {
  const declared = schemaVersionText(ctx) ?? '';
  if (/^2004 (3rd|4th) Edition$/.test(declared)) return declared;
  if (/^(CAM )?1\.3$/.test(declared)) return '2004 2nd Edition';
  return '2004';
}

/** By the namespaces declared (what the schemas go by), then by `<schemaversion>`; compared with what Moodle reads. */
function scormVersion(ctx: ManifestContext): ScormVersion {
  const declared = [...namespaces(ctx.root).values()];
  const declaredText = schemaVersionText(ctx);
  const byNamespace = declared.some((ns) => NS_SCORM2004.includes(ns)) ? '2004' : declared.some((ns) => NS_SCORM12.includes(ns)) ? '1.2' : undefined;
  const version: ScormVersion = byNamespace ?? (declaredText && MOODLE_VERSION_2004.test(declaredText) ? '2004' : '1.2');
  const line = lineOfElement(ctx.text, 'schemaversion');
  const moodleReads: ScormVersion = declaredText && MOODLE_VERSION_2004.test(declaredText) ? '2004' : '1.2';
  if (!byNamespace) {
    ctx.add(createFinding('SCORM_VERSION', { detail: 'The manifest declares none of the SCORM namespaces: LMSs cannot tell its version, and Moodle plays it as SCORM 1.2' }, { file: ctx.file }));
  } else if (moodleReads !== version) {
    const shown = declaredText === undefined ? 'no `<schemaversion>`' : `\`<schemaversion>${declaredText}</schemaversion>\``;
    ctx.add(
      createFinding('SCORM_VERSION', {
        detail: `The manifest uses the SCORM ${version} namespaces but has ${shown}: Moodle plays it as SCORM ${moodleReads}, and the course will not find the API it looks for`,
      }, { file: ctx.file, line }),
    );
  } else if (version === '1.2' && declaredText !== undefined && !MOODLE_VERSION_12.test(declaredText)) {
    ctx.add(createFinding('SCORM_VERSION', { detail: `\`<schemaversion>${declaredText}</schemaversion>\` is not \`1.2\`: Moodle plays the package as SCORM 1.2 anyway, other LMSs may not` }, { file: ctx.file, line }));
  }
  return version;
}

/** Names Moodle matches literally: unprefixed content-packaging elements, `adlcp:` for ADL's. */
function checkMoodleNames(ctx: ManifestContext, version: ScormVersion): void {
  if (ctx.root.prefix) {
    ctx.add(
      createFinding('MOODLE_PREFIX', {
        detail: `The manifest's elements are written with a prefix (\`<${ctx.root.name}>\`): Moodle looks for \`<manifest>\`, \`<item>\` and \`<resource>\` as written and finds nothing to launch`,
      }, { file: ctx.file, line: 1 }),
    );
  }
  for (const element of descendants(ctx.root)) {
    const scormType = attrByLocal(element, 'scormtype') ?? attrByLocal(element, 'scormType');
    if (scormType && !scormType.name.startsWith('adlcp:')) {
      const id = element.attrs.get('identifier') ?? '';
      ctx.add(
        createFinding('MOODLE_PREFIX', {
          detail: `Resource \`${id}\` has \`${scormType.name}\`: Moodle reads only \`adlcp:${version === '1.2' ? 'scormtype' : 'scormType'}\`, so it launches this resource as an asset, without tracking`,
        }, { file: ctx.file, line: lineOf(ctx.text, 'identifier', id) }),
      );
    }
    if (element.local === 'masteryscore' && element.prefix !== 'adlcp') {
      ctx.add(
        createFinding('MOODLE_PREFIX', { detail: `\`<${element.name}>\`: Moodle reads only \`<adlcp:masteryscore>\`, so it ignores this mastery score` }, { file: ctx.file, line: lineOfElement(ctx.text, 'masteryscore') }),
      );
    }
  }
}

function embedsImsMetadata(text: string): boolean {
  return new RegExp(`xmlns(:[\\w.-]+)?\\s*=\\s*["']${IMSMD_NAMESPACE.replace(/[.]/g, '\\.')}["']`).test(text);
}

interface Resource {
  element: XmlElement;
  href?: string;
  base: string;
  scormType: string;
}

/** Identifiers, titles, organizations, resources, files; returns what the LMS launches. */
function checkStructure(ctx: ManifestContext, version: ScormVersion): string[] {
  const xmlBase = (e: XmlElement | undefined) => {
    const value = e?.attrs.get('xml:base') ?? '';
    return value && !value.endsWith('/') ? `${value}/` : value;
  };
  const organizations = childNamed(ctx.root, 'organizations');
  const resourcesElement = childNamed(ctx.root, 'resources');
  const rootBase = xmlBase(ctx.root) + xmlBase(resourcesElement);

  const identifiers: { what: string; value: string }[] = [{ what: 'The manifest identifier', value: ctx.root.attrs.get('identifier') ?? '' }];
  const resources = new Map<string, Resource>();
  for (const element of childrenNamed(resourcesElement, 'resource')) {
    const id = element.attrs.get('identifier') ?? '';
    if (!resources.has(id)) {
      resources.set(id, { element, href: element.attrs.get('href'), base: rootBase + xmlBase(element), scormType: (attrByLocal(element, 'scormtype') ?? attrByLocal(element, 'scormType'))?.value.toLowerCase() ?? 'asset' });
    }
  }

  const orgs = childrenNamed(organizations, 'organization');
  const defaultId = organizations?.attrs.get('default');
  const chosen = defaultId === undefined ? orgs[0] : orgs.find((o) => o.attrs.get('identifier') === defaultId);
  if (orgs.length === 0) {
    ctx.add(createFinding('ORGANIZATION_MISSING', { detail: 'The manifest has no `<organization>`: LMSs that follow it have nothing to show learners' }, { file: ctx.file, line: lineOfElement(ctx.text, 'organizations') }));
  } else if (!chosen) {
    ctx.add(createFinding('ORGANIZATION_MISSING', { detail: `\`<organizations default="${defaultId}">\` names no organization of the manifest: Moodle then finds no SCO to open first` }, { file: ctx.file, line: lineOf(ctx.text, 'default', defaultId ?? '') }));
  }

  const launch: string[] = [];
  let sco = false;
  const title = (e: XmlElement) => childNamed(e, 'title')?.text ?? '';
  for (const org of orgs) {
    const orgId = org.attrs.get('identifier') ?? '';
    identifiers.push({ what: 'Organization identifier', value: orgId });
    checkTitle(ctx, `organization \`${orgId}\``, title(org));
    for (const item of [...descendants(org)].filter((e) => e.local === 'item')) {
      const itemId = item.attrs.get('identifier') ?? '';
      identifiers.push({ what: 'Item identifier', value: itemId });
      checkTitle(ctx, `item \`${itemId}\``, title(item));
      const ref = item.attrs.get('identifierref');
      if (ref === undefined) continue;
      const resource = resources.get(ref);
      const line = lineOf(ctx.text, 'identifierref', ref);
      if (!resource) {
        ctx.add(createFinding('RESOURCE_MISSING', { what: `Item \`${itemId}\``, ref }, { file: ctx.file, line }));
        continue;
      }
      if (org !== chosen) continue;
      if (resource.href === undefined) {
        ctx.add(createFinding('LAUNCH_NONE', { detail: `Item \`${itemId}\` points at resource \`${ref}\`, which has no \`href\`: there is no page to open` }, { file: ctx.file, line }));
        continue;
      }
      const opened = checkLaunch(ctx, `Item \`${itemId}\``, resource.href, resource.base, lineOf(ctx.text, 'href', resource.href));
      if (opened !== undefined) launch.push(opened);
      if (resource.scormType === 'sco') sco = true;
    }
  }
  if (chosen && launch.length === 0 && !ctx.root.prefix) {
    ctx.add(createFinding('LAUNCH_NONE', { detail: `No item of organization \`${chosen.attrs.get('identifier')}\` opens a page that is in the package` }, { file: ctx.file }));
  }
  if (launch.length > 0 && !sco) ctx.add(createFinding('NO_SCO', {}, { file: ctx.file }));

  // In document order: organizations come before resources.
  for (const element of childrenNamed(resourcesElement, 'resource')) identifiers.push({ what: 'Resource identifier', value: element.attrs.get('identifier') ?? '' });
  const missing = new MissingFiles(ctx);
  for (const { element, base } of resources.values()) {
    for (const file of childrenNamed(element, 'file')) {
      const href = file.attrs.get('href');
      if (href !== undefined) missing.check(href, base, lineOf(ctx.text, 'href', href));
    }
    for (const dependency of childrenNamed(element, 'dependency')) {
      const ref = dependency.attrs.get('identifierref') ?? '';
      if (!resources.has(ref)) ctx.add(createFinding('RESOURCE_MISSING', { what: `A dependency of resource \`${element.attrs.get('identifier')}\``, ref }, { file: ctx.file, line: lineOf(ctx.text, 'identifierref', ref) }));
    }
  }
  // Metadata kept in files beside the manifest (`<adlcp:location>`), and the resources' pages.
  for (const location of [...descendants(ctx.root)].filter((e) => e.local === 'location' && e.text)) missing.check(location.text, rootBase, lineOfElement(ctx.text, 'location'));
  for (const { href, base } of resources.values()) if (href !== undefined) missing.check(href, base);
  missing.report();
  checkIdentifiers(ctx, identifiers, version);
  return launch;
}

function checkTitle(ctx: ManifestContext, what: string, title: string): void {
  const length = [...title].length;
  if (length > MOODLE_MAX_LENGTH) ctx.add(createFinding('TITLE_TOO_LONG', { what, length }, { file: ctx.file }));
}

/**
 * Identifiers are XML IDs (the schema checks their form) that Moodle stores in 255-character
 * columns and tells apart within the manifest.
 */
function checkIdentifiers(ctx: ManifestContext, identifiers: readonly { what: string; value: string }[], version: ScormVersion): void {
  const seen = new Map<string, string>();
  for (const { what, value } of identifiers) {
    const line = lineOf(ctx.text, 'identifier', value);
    const report = (problem: string, help: string) => ctx.add(createFinding('IDENTIFIER_INVALID', { what, value, problem, help }, { file: ctx.file, line }));
    if (value === '') report('is empty', 'Every manifest, organization, item and resource needs an identifier.');
    else if (value.length > MOODLE_MAX_LENGTH) report(`has ${value.length} characters: Moodle stores identifiers of at most ${MOODLE_MAX_LENGTH} and fails to import a longer one`, 'Shorten it in the authoring tool.');
    else if (/\s/.test(value)) report('contains a space: identifiers are XML IDs, without spaces', 'Replace the spaces with `-` or `_`.');
    else if (/^[\d.-]/.test(value)) report('starts with a digit, `.` or `-`: identifiers are XML IDs, which start with a letter or `_`', 'Start it with a letter.');
    const other = seen.get(value);
    if (value !== '' && other !== undefined) {
      report(`is also the identifier of another element (${other.toLowerCase()}): identifiers are unique in a manifest${version === '1.2' ? '' : ''}, and Moodle keeps only one of them`, 'Give each element its own identifier.');
    }
    if (value !== '') seen.set(value, what);
  }
}

/** What the LMS does with the mastery score (1.2) or the scaled passing score (2004). */
function checkMastery(ctx: ManifestContext, version: ScormVersion): void {
  const items = [...descendants(ctx.root)].filter((e) => e.local === 'item');
  if (version === '1.2') {
    const scored = items.flatMap((item) => {
      const mastery = childNamed(item, 'masteryscore');
      return mastery ? [{ id: item.attrs.get('identifier') ?? '', value: mastery.text }] : [];
    });
    for (const { id, value } of scored) {
      const line = lineOfElement(ctx.text, 'masteryscore');
      const number = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value) || number > 100) {
        ctx.add(createFinding('MASTERY_SCORE_INVALID', {
          detail: `Item \`${id}\` has the mastery score \`${value}\`, not a number from 0 to 100`,
          help: 'LMSs compare it with cmi.core.score.raw (0–100): write a whole number such as 80, or leave it out to let the course decide.',
        }, { file: ctx.file, line }));
        continue;
      }
      ctx.add(createFinding('MASTERY_SCORE', {
        detail:
          `Item \`${id}\` has the mastery score ${value}. Moodle gives it to the course (cmi.student_data.mastery_score) and, with the activity setting ` +
          '"Mastery score overrides status" (on by default), sets the status to passed or failed from cmi.core.score.raw when the course closes, whatever status the course reported',
      }, { file: ctx.file, line }));
    }
    if (scored.length === 0) {
      ctx.add(createFinding('MASTERY_SCORE', { detail: 'No mastery score in the manifest: Moodle records the status the course reports (passed, failed, completed…) as it is' }, { file: ctx.file }));
    }
    return;
  }
  let found = false;
  for (const item of items) {
    const primary = [...descendants(item)].find((e) => e.local === 'primaryObjective');
    const measure = primary && childNamed(primary, 'minNormalizedMeasure')?.text;
    if (!primary || measure === undefined) continue;
    found = true;
    const id = item.attrs.get('identifier') ?? '';
    const number = Number(measure);
    const line = lineOfElement(ctx.text, 'minNormalizedMeasure');
    if (!Number.isFinite(number) || number < -1 || number > 1) {
      ctx.add(createFinding('MASTERY_SCORE_INVALID', { detail: `Item \`${id}\` has the passing score \`${measure}\` (imsss:minNormalizedMeasure), outside -1 to 1`, help: 'Write the passing score as a fraction of the maximum, such as 0.8.' }, { file: ctx.file, line }));
    } else if (primary.attrs.get('satisfiedByMeasure') === 'true') {
      ctx.add(createFinding('MASTERY_SCORE', { detail: `Item \`${id}\` passes at a scaled score of ${measure} (satisfiedByMeasure): the LMS sets success_status from cmi.score.scaled against it, whatever the course reports` }, { file: ctx.file, line }));
    } else {
      ctx.add(createFinding('MASTERY_SCORE', { detail: `Item \`${id}\` declares a passing score of ${measure} without satisfiedByMeasure: the course's own success_status is what the LMS records (the score reaches it as cmi.scaled_passing_score)` }, { file: ctx.file, line }));
    }
  }
  if (!found) ctx.add(createFinding('MASTERY_SCORE', { detail: 'No passing score in the manifest: the LMS records the success_status the course reports' }, { file: ctx.file }));
}

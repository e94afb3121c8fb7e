/**
 * Validates XML against XSDs in-process: libxml2's xmllint compiled to WebAssembly (npm
 * `xmllint-wasm`, libxml2 2.13), so the tests need no system xmllint and no network.
 *
 *   const result = await xmllint(manifest);              // SCORM 1.2, schema/xsd/scorm12/
 *   result.status  → 0 valid, 3 invalid (as xmllint's exit code)
 *   result.output  → libxml2's messages, one a line
 *
 * SCORM schemas come from schema/xsd/ (in this repository, also what the packager ships); the
 * official cmi5.xsd only from ../shared/schemas beside the clone (see official-schemas.ts).
 * A schema that does not compile throws: never a silent pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';
import { OFFICIAL_CMI5_XSD } from '../support/official-schemas.js';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const XSD_DIR = path.join(repoRoot, 'schema', 'xsd');

export interface XmlSchema {
  /** The folder holding the driver and every file it imports (loaded into xmllint's memory). */
  dir: string;
  /** The schema xmllint compiles, relative to `dir`. */
  driver: string;
}

/**
 * SCORM 1.2 without IMS metadata: libxml2 ≥ 2.10 rejects imsmd_rootv1p2p1.xsd as
 * non-deterministic, and Parcours' manifests carry no imsmd: elements (schema/xsd/SOURCES.md).
 */
export const SCORM12: XmlSchema = { dir: path.join(XSD_DIR, 'scorm12'), driver: 'scorm12-noimsmd.xsd' };
export const SCORM2004_4TH: XmlSchema = { dir: path.join(XSD_DIR, 'scorm2004-4th'), driver: 'scorm2004-all.xsd' };
/** Present only where ../shared/schemas lies beside the clone (`hasOfficialCmi5Xsd`). */
export const OFFICIAL_CMI5: XmlSchema = { dir: path.dirname(OFFICIAL_CMI5_XSD), driver: path.basename(OFFICIAL_CMI5_XSD) };

export interface XmllintResult {
  status: 0 | 3;
  output: string;
}

/** The SCORM 1.2 ims_xml.xsd binds the xml namespace as default: libxml2 warns on every run. */
const HARMLESS = /xml namespace URI cannot be the default namespace|^\s*xmlns="http:\/\/www\.w3\.org\/XML\/1998\/namespace"|^\s*\^\s*$/;

const loaded = new Map<string, XMLFileInfo[]>();

function schemaFiles(dir: string): XMLFileInfo[] {
  let files = loaded.get(dir);
  if (!files) {
    const names = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(xsd|dtd)$/.test(name));
    if (names.length === 0) throw new Error(`no schema files in ${dir}`);
    files = names.map((name) => ({ fileName: name.split(path.sep).join('/'), contents: readFileSync(path.join(dir, name)) }));
    loaded.set(dir, files);
  }
  return files;
}

/** Validates one document. */
export async function xmllint(xml: string, schema: XmlSchema = SCORM12): Promise<XmllintResult> {
  return (await xmllintEach([xml], schema))[0]!;
}

/**
 * Validates several documents in one xmllint run: each run starts a worker and compiles the
 * schema, about 0.1–0.3 s on a quiet machine and over 1 s on a loaded one, so batch where a test
 * checks many documents. Results in the order given.
 */
export async function xmllintEach(xmls: readonly string[], schema: XmlSchema = SCORM12): Promise<XmllintResult[]> {
  const files = schemaFiles(schema.dir);
  const driver = files.find((file) => file.fileName === schema.driver);
  if (!driver) throw new Error(`schema ${schema.driver} not found in ${schema.dir}`);
  const names = xmls.map((_, i) => `document-${i + 1}.xml`);
  let result;
  try {
    result = await validateXML({
      xml: xmls.map((contents, i) => ({ fileName: names[i]!, contents })),
      schema: [driver],
      preload: files.filter((file) => file !== driver),
    });
  } catch (error) {
    // xmllint ends with an exit code other than valid/invalid: a document that is not XML (then
    // the others are checked one by one), or a schema that does not compile (the test fails).
    if (xmls.length > 1) return Promise.all(xmls.map((xml) => xmllint(xml, schema)));
    if (/parser error/.test((error as Error).message) && !/failed to compile/.test((error as Error).message)) {
      return [{ status: 3, output: (error as Error).message }];
    }
    throw error;
  }
  const lines = result.rawOutput.split('\n').filter((line) => line.trim() !== '' && !HARMLESS.test(line));
  return names.map((name) => {
    const own = lines.filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name} `));
    const valid = own.some((line) => line === `${name} validates`);
    return { status: valid ? 0 : 3, output: own.filter((line) => line !== `${name} validates`).join('\n') };
  });
}

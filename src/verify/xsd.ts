/**
 * Manifests checked against the official schemas bundled with Parcours (schema/xsd/, provenance
 * in schema/xsd/SOURCES.md), in-process by libxml2 compiled to WebAssembly (xmllint-wasm): no
 * system xmllint needed.
 *
 * libxml2 ≥ 2.10 (xmllint-wasm's is 2.13) rejects IMS's imsmd_rootv1p2p1.xsd as
 * non-deterministic, so SCORM 1.2 manifests use the project's driver without it
 * (scorm12-noimsmd.xsd); a manifest that embeds IMS metadata gets, in its place, a stand-in
 * that declares the same root elements with any content, so the rest of the manifest is still
 * checked, and says so.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { packageRoot } from '../render/package-root.js';

export interface SchemaSet {
  /** Folder under schema/xsd/. */
  folder: string;
  /** The file whose imports cover every namespace a manifest may use. */
  driver: string;
  /** For people: "the SCORM 1.2 schemas (IMS CP 1.1.2, ADL CP)". */
  label: string;
}

export interface SchemaError {
  message: string;
  line?: number;
}

export type SchemaResult = { checked: true; errors: SchemaError[] } | { checked: false; why: string };

export const IMSMD_NAMESPACE = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';
const IMSMD_FILE = 'imsmd_rootv1p2p1.xsd';
const IMSMD_STAND_IN = 'imsmd-names-only.xsd';

interface SchemaFile {
  fileName: string;
  contents: string;
}

const loaded = new Map<string, Promise<SchemaFile[] | undefined>>();

function schemaDir(folder: string): string {
  return path.join(packageRoot(), 'schema', 'xsd', folder);
}

/** Every .xsd and .dtd of a folder, read once per process; undefined when the folder is missing. */
function schemaFiles(folder: string): Promise<SchemaFile[] | undefined> {
  let files = loaded.get(folder);
  if (!files) {
    files = (async () => {
      const dir = schemaDir(folder);
      let names: string[];
      try {
        names = (await readdir(dir, { recursive: true })).filter((n) => /\.(xsd|dtd)$/.test(n));
      } catch {
        return undefined;
      }
      return Promise.all(names.map(async (n) => ({ fileName: n.split(path.sep).join('/'), contents: await readFile(path.join(dir, n), 'utf8') })));
    })();
    loaded.set(folder, files);
  }
  return files;
}

/**
 * A schema with the same global elements as imsmd_rootv1p2p1.xsd, each taking any content:
 * what imscp's strict `xsd:any` needs to accept embedded metadata, without the official
 * file libxml2 cannot compile.
 */
function imsmdStandIn(official: string): SchemaFile {
  const names = [...official.matchAll(/^ {0,4}<xsd:element\s+name\s*=\s*"([^"]+)"/gm)].map((m) => m[1]!);
  const elements = [...new Set(names)].map((n) => `  <xsd:element name="${n}" type="md:anyContent"/>`).join('\n');
  return {
    fileName: IMSMD_STAND_IN,
    contents: `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:md="${IMSMD_NAMESPACE}" targetNamespace="${IMSMD_NAMESPACE}" elementFormDefault="qualified">
  <xsd:complexType name="anyContent" mixed="true">
    <xsd:sequence><xsd:any namespace="##any" processContents="skip" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence>
    <xsd:anyAttribute namespace="##any" processContents="skip"/>
  </xsd:complexType>
${elements}
</xsd:schema>
`,
  };
}

export interface ValidateOptions {
  /** SCORM 1.2 with IMS metadata inside: check it by element names only (see above). */
  imsmdByNameOnly?: boolean;
}

export async function validateWithSchema(xml: string, fileName: string, set: SchemaSet, options: ValidateOptions = {}): Promise<SchemaResult> {
  const files = await schemaFiles(set.folder);
  if (!files) return { checked: false, why: `the schemas are not installed (schema/xsd/${set.folder} is missing from this Parcours)` };
  let driver = files.find((f) => f.fileName === set.driver);
  if (!driver) return { checked: false, why: `schema/xsd/${set.folder}/${set.driver} is missing from this Parcours` };
  let preload = files.filter((f) => f !== driver);
  if (options.imsmdByNameOnly) {
    const official = files.find((f) => f.fileName === IMSMD_FILE);
    if (!official) return { checked: false, why: `schema/xsd/${set.folder}/${IMSMD_FILE} is missing from this Parcours` };
    preload = [...preload.filter((f) => f !== official), imsmdStandIn(official.contents)];
    driver = {
      fileName: 'driver-imsmd-names.xsd',
      contents: driver.contents.replace(/<\/xsd:schema>/, `  <xsd:import namespace="${IMSMD_NAMESPACE}" schemaLocation="${IMSMD_STAND_IN}"/>\n</xsd:schema>`),
    };
  }
  const { validateXML } = await import('xmllint-wasm');
  try {
    // At most 256 MiB of WebAssembly memory (4,096 pages of 64 KiB), for manifests up to LIMITS.maxManifestBytes.
    const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [driver], preload, maxMemoryPages: 4096 });
    // Only what concerns the manifest: libxml2 also notes quirks of the schemas themselves
    // (ims_xml.xsd binds the xml namespace as default), which are no fault of the package.
    const located = result.errors
      .filter((e) => e.loc?.fileName === fileName)
      .map((e) => ({ message: e.message.trim(), ...(e.loc?.lineNumber ? { line: e.loc.lineNumber } : {}) }));
    return {
      checked: true,
      errors: located.length > 0 || result.valid ? located : [{ message: 'the validator rejects it without saying where' }],
    };
  } catch (error) {
    // xmllint-wasm rejects when libxml2 exits abnormally: the schema did not compile, or the memory ran out.
    const first = String((error as Error).message).split('\n').find((l) => /error/i.test(l) && !/namespace URI cannot be the default/.test(l));
    return { checked: false, why: `the validator failed (${(first ?? (error as Error).message).trim()})` };
  }
}

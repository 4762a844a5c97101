import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/** The hub's own subset of the published schemas (WSDL + XSD), next to this file. */
export const CONTRACT_SCHEMA_DIR = fileURLToPath(new URL('.', import.meta.url));

export interface SchemaFile {
  fileName: string;
  contents: string;
}

export interface SchemaSet {
  dir: string;
  files: SchemaFile[];
  /** Relative path of the types XSD that declares each namespace's request/response elements. */
  typesByNamespace: Map<string, string>;
}

const cache = new Map<string, Promise<SchemaSet>>();

/** Loads every .xsd under `dir` (the contract's subset or an official package, e.g. GIS_SCHEMA_DIR). */
export function loadSchemaSet(dir: string = CONTRACT_SCHEMA_DIR): Promise<SchemaSet> {
  let set = cache.get(dir);
  if (!set) {
    set = readSchemaSet(dir);
    cache.set(dir, set);
  }
  return set;
}

async function readSchemaSet(dir: string): Promise<SchemaSet> {
  const entries = await readdir(dir, { recursive: true });
  const files: SchemaFile[] = [];
  const typesByNamespace = new Map<string, string>();
  for (const entry of entries
    .map(String)
    .filter((e) => e.endsWith('.xsd'))
    .sort()) {
    const contents = await readFile(join(dir, entry), 'utf8');
    const fileName = relative(dir, join(dir, entry)).split('\\').join('/');
    files.push({ fileName, contents });
    const ns = /targetNamespace="([^"]+)"/.exec(contents)?.[1];
    // The service's types file wins over a lib file of the same namespace (there is none in practice).
    if (ns && (!typesByNamespace.has(ns) || !fileName.startsWith('lib/'))) typesByNamespace.set(ns, fileName);
  }
  return { dir, files, typesByNamespace };
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/**
 * Validates one element (a request or response body, or the RequestHeader) against the schema set:
 * a driver schema imports the namespace's types file, the rest are preloaded so relative imports resolve.
 */
export async function validateElement(xml: string, set: SchemaSet): Promise<ValidationResult> {
  const { validateXML } = await import('xmllint-wasm');
  const root = new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  const ns = root?.namespaceURI;
  const typesFile = ns ? set.typesByNamespace.get(ns) : undefined;
  if (!root || !typesFile) return { valid: false, errors: [`no schema for namespace ${ns ?? '(none)'}`] };
  const driver = `<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:domhub:validation-driver"><xs:import namespace="${ns}" schemaLocation="${typesFile}"/></xs:schema>`;
  const result = await validateXML({
    xml: { fileName: 'message.xml', contents: xml },
    schema: { fileName: '_driver.xsd', contents: driver },
    preload: set.files,
    maxMemoryPages: 16384,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}

/** The element children of the SOAP Header and Body of an envelope (text, or a parsed one), each serialised on its own. */
export function envelopeParts(envelope: string | Document): { header: string[]; body: string[] } {
  const doc = typeof envelope === 'string' ? new DOMParser().parseFromString(envelope, 'text/xml') : envelope;
  const soapNs = 'http://schemas.xmlsoap.org/soap/envelope/';
  const children = (name: string) => {
    const parent = doc.getElementsByTagNameNS(soapNs, name)[0];
    const out: string[] = [];
    if (!parent) return out;
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) out.push(new XMLSerializer().serializeToString(n));
    }
    return out;
  };
  return { header: children('Header'), body: children('Body') };
}

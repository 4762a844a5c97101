import { SaxesParser } from 'saxes';
import type { SandboxErrorCode } from '../../../contracts/errors.js';
import { AppError } from '../../errors.js';

/**
 * Limits of a message the simulator reads. The largest message the hub sends is 1,000 readings or 500
 * payment documents (contracts/gis/operations.ts): well under 2 MB and 60,000 elements.
 */
export const SIM_LIMITS = { bodyBytes: 4 * 1024 * 1024, elements: 100_000, depth: 64 } as const;

/**
 * Reads the body once with a streaming parser, keeping only counters, before any DOM is built: a body
 * that is not well-formed XML, declares a DTD (entity expansion, external entities) or has too many or
 * too deeply nested elements is refused with a 400 problem, so a hostile message costs no more memory
 * than its bytes.
 */
export function screenXml(xml: string): void {
  if (!xml.trim()) throw refuse('malformed_xml', 'The body is empty: send a SOAP envelope');
  const parser = new SaxesParser({ xmlns: false, position: false });
  let elements = 0;
  let depth = 0;
  let problem: AppError | null = null;
  parser.on('doctype', () => {
    problem ??= refuse('xml_dtd_refused', 'A document type declaration (DTD, entities) is not accepted');
  });
  parser.on('opentag', () => {
    elements++;
    depth++;
    if (elements > SIM_LIMITS.elements) {
      problem ??= refuse('xml_too_large', `More than ${SIM_LIMITS.elements} elements`);
    }
    if (depth > SIM_LIMITS.depth) {
      problem ??= refuse('xml_too_deep', `Elements nest deeper than ${SIM_LIMITS.depth} levels`);
    }
  });
  parser.on('closetag', () => void depth--);
  parser.on('error', (err) => {
    problem ??= refuse('malformed_xml', `The body is not well-formed XML: ${err.message.slice(0, 200)}`);
  });
  // Fed in slices so that a refusal stops the work early instead of after the whole body.
  const SLICE = 64 * 1024;
  for (let at = 0; at < xml.length && !problem; at += SLICE) parser.write(xml.slice(at, at + SLICE));
  if (!problem) parser.close();
  if (problem) throw problem;
}

const refuse = (code: SandboxErrorCode, detail: string) => new AppError(400, code, detail);

import path from 'node:path';
import { validationFailed } from '../../errors.js';

/** A directory named by an operator, kept inside GAR_IMPORT_DIR (no absolute paths, no "..") */
export function resolveGarDirectory(root: string, directory: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, directory);
  if (path.isAbsolute(directory) || (full !== base && !full.startsWith(base + path.sep))) {
    throw validationFailed([{ path: 'body.directory', message: 'must be a folder inside GAR_IMPORT_DIR' }]);
  }
  return full;
}

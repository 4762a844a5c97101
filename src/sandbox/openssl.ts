import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The sandbox peers' own use of the `openssl` program with the GOST engine (libengine-gost-openssl):
// they check and make GOST signatures the way a peer running OpenSSL would, independently of the hub's
// adapters (src/ never imports adapters/).

const run = promisify(execFile);

/** Runs `openssl` in a scratch directory holding `files`; returns stdout, the exit status and the files named in `read`. */
export async function openssl(args: string[], files: Record<string, string | Buffer> = {}, read: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'domhub-sandbox-'));
  try {
    await Promise.all(
      Object.entries(files).map(([name, content]) => writeFile(join(dir, name), content, { mode: 0o600 })),
    );
    let stdout: string;
    let ok = true;
    try {
      stdout = (await run('openssl', args, { cwd: dir, timeout: 30_000, maxBuffer: 16 << 20 })).stdout;
    } catch (err) {
      ok = false;
      stdout = String((err as { stdout?: string }).stdout ?? '');
    }
    const out: Record<string, Buffer> = {};
    if (ok) for (const name of read) out[name] = await readFile(join(dir, name));
    return { ok, stdout, files: out };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `-md_gost12_256` or `-md_gost12_512`: the GOST R 34.11-2012 digest of the given size. */
export const gostMd = (bits: 256 | 512) => (bits === 512 ? '-md_gost12_512' : '-md_gost12_256');

let gost: Promise<boolean> | undefined;

/** Whether OpenSSL's GOST engine is installed (and python3 for the verifier process); checked once. */
export function sandboxGostAvailable(): Promise<boolean> {
  gost ??= (async () => {
    try {
      await run('openssl', ['engine', '-t', 'gost'], { timeout: 10_000 });
      await run('python3', ['-c', 'import ctypes; ctypes.CDLL("libcrypto.so.3")'], { timeout: 10_000 });
      return true;
    } catch {
      return false;
    }
  })();
  return gost;
}

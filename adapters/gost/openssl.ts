import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// GOST R 34.10-2012 / 34.11-2012 through OpenSSL 3 and the GOST engine of Debian's
// libengine-gost-openssl (gost-engine/engine). Node's own OpenSSL is linked statically and cannot load
// that engine, so GOST work goes to the `openssl` program (one-off operations) or to the long-lived
// worker of worker.ts (signing in batches).

export type GostBits = 256 | 512;

/** What a GOST key and certificate are, once loaded: PEM texts, the certificate's DER, the key size. */
export interface GostMaterial {
  keyPem: string;
  /** The key's passphrase when its PEM is encrypted. */
  passphrase?: string;
  certPem: string;
  certDer: Buffer;
  bits: GostBits;
}

let available: boolean | undefined;

/** Whether `openssl` here has the GOST engine, and python3 can reach libcrypto for the worker (checked once). */
export function gostEngineAvailable(): boolean {
  if (available === undefined) {
    try {
      execFileSync('openssl', ['engine', '-t', 'gost'], { stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
      execFileSync('python3', ['-c', 'import ctypes; ctypes.CDLL("libcrypto.so.3")'], {
        stdio: 'ignore',
        timeout: 10_000,
      });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** Runs `openssl` with the GOST engine in a scratch directory; files maps names to contents written first. */
export function opensslSync(
  args: (dir: string) => string[],
  files: Record<string, string | Buffer> = {},
  read: string[] = [],
) {
  const dir = mkdtempSync(join(tmpdir(), 'domhub-gost-'));
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content, { mode: 0o600 });
    const stdout = execFileSync('openssl', args(dir), { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    return { stdout, files: Object.fromEntries(read.map((name) => [name, readFileSync(join(dir, name))])) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The GOST key size of a certificate: 512 when its key is id-tc26-gost3410-12-512 (1.2.643.7.1.1.1.2). */
export function gostBitsOf(certDer: Buffer): GostBits | null {
  const oid = (hex: string) => certDer.includes(Buffer.from(hex, 'hex'));
  if (oid('06082a850307010101020')) return 512; // 1.2.643.7.1.1.1.2
  if (oid('06082a850307010101010')) return 256; // 1.2.643.7.1.1.1.1
  return null;
}

export function pemToDer(pem: string): Buffer {
  const body = /-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) throw new Error('no PEM certificate found');
  return Buffer.from(body.replace(/\s+/g, ''), 'base64');
}

/**
 * A GOST key and certificate from PEM texts, or from a PKCS#12 file (the usual export of a qualified
 * certificate's container; read once with `openssl pkcs12`, the key kept in memory only).
 */
export function loadGostMaterial(
  source: { keyPem: string; certPem: string; passphrase?: string } | { pkcs12: Buffer; password?: string },
): GostMaterial {
  let keyPem: string;
  let certPem: string;
  let passphrase: string | undefined;
  if ('pkcs12' in source) {
    const out = opensslSync(
      () => ['pkcs12', '-engine', 'gost', '-in', 'in.p12', '-nodes', '-passin', 'file:pass.txt'],
      { 'in.p12': source.pkcs12, 'pass.txt': `${source.password ?? ''}\n` },
    ).stdout.toString('utf8');
    keyPem = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----/.exec(out)?.[0] ?? '';
    certPem = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/.exec(out)?.[0] ?? '';
    if (!keyPem || !certPem) throw new Error('the PKCS#12 file lacks a certificate or a private key');
  } else {
    ({ keyPem, certPem, passphrase } = source);
  }
  const certDer = pemToDer(certPem);
  const bits = gostBitsOf(certDer);
  if (!bits) throw new Error('the certificate does not hold a GOST R 34.10-2012 key');
  return { keyPem: `${keyPem.trim()}\n`, passphrase, certPem: `${certPem.trim()}\n`, certDer, bits };
}

/**
 * A throwaway GOST key and self-signed certificate (sandbox and tests), made by OpenSSL:
 * `genpkey -algorithm gost2012_256 -pkeyopt paramset:A` and `req -x509 -md_gost12_256`.
 */
export function generateGostCredentials(bits: GostBits = 256, commonName = 'domhub sandbox'): GostMaterial {
  const algorithm = bits === 512 ? 'gost2012_512' : 'gost2012_256';
  const md = bits === 512 ? '-md_gost12_512' : '-md_gost12_256';
  const out = opensslSync(
    () => ['genpkey', '-engine', 'gost', '-algorithm', algorithm, '-pkeyopt', 'paramset:A', '-out', 'key.pem'],
    {},
    ['key.pem'],
  );
  const keyPem = out.files['key.pem']!.toString('utf8');
  const cert = opensslSync(
    () => [
      'req',
      '-engine',
      'gost',
      '-new',
      '-x509',
      md,
      '-key',
      'key.pem',
      '-days',
      '3650',
      '-subj',
      `/CN=${commonName}/O=domhub/C=RU`,
      '-out',
      'cert.pem',
    ],
    { 'key.pem': keyPem },
    ['cert.pem'],
  );
  return loadGostMaterial({ keyPem, certPem: cert.files['cert.pem']!.toString('utf8') });
}

const execFileAsync = promisify(execFile);

/** `openssl` (GOST engine available) in a scratch directory, without blocking the event loop; null when it fails. */
export async function opensslAsync(args: string[], files: Record<string, string | Buffer> = {}, read: string[] = []) {
  const dir = await mkdtemp(join(tmpdir(), 'domhub-gost-'));
  try {
    await Promise.all(
      Object.entries(files).map(([name, content]) => writeFile(join(dir, name), content, { mode: 0o600 })),
    );
    let stdout: Buffer;
    try {
      stdout = (
        await execFileAsync('openssl', args, { cwd: dir, timeout: 30_000, encoding: 'buffer', maxBuffer: 16 << 20 })
      ).stdout;
    } catch {
      return null;
    }
    const out: Record<string, Buffer> = {};
    for (const name of read) out[name] = await readFile(join(dir, name));
    return { stdout, files: out };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `-md_gost12_256` or `-md_gost12_512`. */
export const gostMdFlag = (bits: GostBits) => (bits === 512 ? '-md_gost12_512' : '-md_gost12_256');

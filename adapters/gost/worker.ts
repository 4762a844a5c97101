import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { GostBits, GostMaterial } from './openssl.js';

// A long-lived GOST signing process, so that a batch of messages does not pay a process start per
// digest and signature. It is a few lines of Python calling the system's libcrypto (OpenSSL 3) with the
// GOST engine loaded once: EVP_Digest with md_gost12_256/512, EVP_DigestSign with the key read once.
// Frames on stdin: op (1 byte: 'd' 256-bit digest, 'D' 512-bit digest, 's' sign) + length (4 bytes,
// big-endian) + data; answers on stdout: status (1 byte, 0 = ok) + length + data, in order.
// biome-ignore lint/complexity/noUselessStringRaw: Python source; a backslash added later must reach Python as written
const WORKER = String.raw`
import ctypes, os, struct, sys
L = ctypes.CDLL('libcrypto.so.3')
P = ctypes.c_void_p
L.ENGINE_by_id.restype = P; L.ENGINE_by_id.argtypes = [ctypes.c_char_p]
L.ENGINE_init.argtypes = [P]; L.ENGINE_set_default.argtypes = [P, ctypes.c_uint]
L.BIO_new_mem_buf.restype = P; L.BIO_new_mem_buf.argtypes = [ctypes.c_char_p, ctypes.c_int]
L.PEM_read_bio_PrivateKey.restype = P; L.PEM_read_bio_PrivateKey.argtypes = [P, P, P, ctypes.c_char_p]
L.EVP_get_digestbyname.restype = P; L.EVP_get_digestbyname.argtypes = [ctypes.c_char_p]
L.EVP_MD_CTX_new.restype = P; L.EVP_MD_CTX_free.argtypes = [P]
L.EVP_DigestSignInit.argtypes = [P, P, P, P, P]
L.EVP_DigestSign.argtypes = [P, ctypes.c_char_p, ctypes.POINTER(ctypes.c_size_t), ctypes.c_char_p, ctypes.c_size_t]
L.EVP_Digest.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint), P, P]
e = L.ENGINE_by_id(b'gost')
if not e or L.ENGINE_init(e) != 1 or L.ENGINE_set_default(e, 0xFFFF) != 1:
    sys.exit('the GOST engine cannot be loaded')
md = {b'd': L.EVP_get_digestbyname(b'md_gost12_256'), b'D': L.EVP_get_digestbyname(b'md_gost12_512')}
pem = os.read(3, 1 << 20); os.close(3); pw = os.environ.get('GOST_KEY_PASS')
key = L.PEM_read_bio_PrivateKey(L.BIO_new_mem_buf(pem, len(pem)), None, None, pw.encode() if pw else None)
if not key:
    sys.exit('the private key cannot be read (wrong passphrase?)')
sign_md = md[b'D' if os.environ.get('GOST_BITS') == '512' else b'd']
inp, out = sys.stdin.buffer, sys.stdout.buffer
def answer(status, data):
    out.write(bytes([status]) + struct.pack('>I', len(data)) + data); out.flush()
while True:
    head = inp.read(5)
    if len(head) < 5: break
    op, n = head[:1], struct.unpack('>I', head[1:])[0]
    data = inp.read(n)
    if op in md:
        buf = ctypes.create_string_buffer(64); size = ctypes.c_uint(0)
        ok = L.EVP_Digest(data, n, buf, ctypes.byref(size), md[op], None) == 1
        answer(0 if ok else 1, buf.raw[:size.value] if ok else b'digest failed')
    elif op == b's':
        ctx = L.EVP_MD_CTX_new(); buf = ctypes.create_string_buffer(128); size = ctypes.c_size_t(128)
        ok = L.EVP_DigestSignInit(ctx, None, sign_md, None, key) == 1 and L.EVP_DigestSign(ctx, buf, ctypes.byref(size), data, n) == 1
        L.EVP_MD_CTX_free(ctx)
        answer(0 if ok else 1, buf.raw[:size.value] if ok else b'signing failed')
    else:
        answer(1, b'unknown operation')
`;

export interface GostWorker {
  digest(bits: GostBits, data: Buffer): Promise<Buffer>;
  /** GOST R 34.10-2012 over GOST R 34.11-2012 of `data`: s || r, each big-endian, as OpenSSL gives it. */
  sign(data: Buffer): Promise<Buffer>;
  close(): void;
}

/**
 * Starts the worker on first use and restarts it after a crash; requests are answered in order, so
 * concurrent callers simply queue on the one pipe.
 */
export function createGostWorker(material: Pick<GostMaterial, 'keyPem' | 'passphrase' | 'bits'>): GostWorker {
  let child: ChildProcessWithoutNullStreams | undefined;
  let pending: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
  let buffered: Buffer = Buffer.alloc(0);
  let stderr = '';

  function fail(err: Error) {
    const waiting = pending;
    pending = [];
    child = undefined;
    buffered = Buffer.alloc(0);
    for (const p of waiting) p.reject(err);
  }

  function start(): ChildProcessWithoutNullStreams {
    stderr = '';
    const env = { ...process.env, GOST_BITS: String(material.bits), GOST_KEY_PASS: material.passphrase ?? '' };
    const proc = spawn('python3', ['-c', WORKER], {
      env,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
    }) as ChildProcessWithoutNullStreams;
    // The key goes through its own pipe (fd 3), never through the environment or a file.
    const keyPipe = proc.stdio[3] as NodeJS.WritableStream;
    keyPipe.end(material.keyPem);
    (keyPipe as unknown as { unref?: () => void }).unref?.();
    proc.stdout.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      while (buffered.length >= 5) {
        const size = buffered.readUInt32BE(1);
        if (buffered.length < 5 + size) break;
        const status = buffered[0];
        const data = buffered.subarray(5, 5 + size);
        buffered = buffered.subarray(5 + size);
        const p = pending.shift();
        if (!p) continue;
        if (status === 0) p.resolve(Buffer.from(data));
        else p.reject(new Error(`GOST worker: ${data.toString('utf8')}`));
      }
    });
    proc.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-2000);
    });
    proc.on('error', (err) => fail(new Error(`GOST worker cannot start: ${err.message}`)));
    proc.on('exit', (code) => {
      if (child === proc) fail(new Error(`GOST worker exited (${code}): ${stderr.trim()}`));
    });
    proc.stdin.on('error', () => undefined);
    hold(proc, false);
    return proc;
  }

  // An idle worker must not keep the process alive; one with requests in flight must.
  function hold(proc: ChildProcessWithoutNullStreams, on: boolean) {
    if (on) proc.ref();
    else proc.unref();
    for (const s of [proc.stdin, proc.stdout, proc.stderr]) {
      const socket = s as unknown as { ref?: () => void; unref?: () => void };
      if (on) socket.ref?.();
      else socket.unref?.();
    }
  }

  function call(op: string, data: Buffer): Promise<Buffer> {
    child ??= start();
    const proc = child;
    if (!pending.length) hold(proc, true);
    return new Promise<Buffer>((resolve, reject) => {
      const settle = () => {
        if (!pending.length && child === proc) hold(proc, false);
      };
      pending.push({
        resolve: (b) => {
          resolve(b);
          settle();
        },
        reject: (e) => {
          reject(e);
          settle();
        },
      });
      const head = Buffer.alloc(5);
      head.write(op, 0, 'latin1');
      head.writeUInt32BE(data.length, 1);
      proc.stdin.write(Buffer.concat([head, data]));
    });
  }

  return {
    digest: (bits, data) => call(bits === 512 ? 'D' : 'd', data),
    sign: (data) => call('s', data),
    close() {
      const proc = child;
      child = undefined;
      proc?.stdin.end();
    },
  };
}

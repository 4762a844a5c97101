import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

// The sandbox peers' GOST checks in one long-lived process (a batch of messages must not pay two
// `openssl` starts each): a few lines of Python over the system's libcrypto (OpenSSL 3) with the GOST
// engine: EVP_Digest (md_gost12_256/512) and EVP_DigestVerify with the key of a DER certificate.
// It shares no code with the hub's signer (adapters/gost), which only signs.
// Frames: op ('d' | 'D' digest 256/512, 'v' | 'V' verify 256/512) + length (4 bytes) + data; a verify's
// data is cert length (4) + cert + signature length (4) + signature + the signed bytes.
// Answer: status (0 ok, 1 error) + length + data (for a verify, one byte: 1 valid, 0 not).
const VERIFIER = String.raw`
import ctypes, struct, sys
L = ctypes.CDLL('libcrypto.so.3')
P = ctypes.c_void_p
L.ENGINE_by_id.restype = P; L.ENGINE_by_id.argtypes = [ctypes.c_char_p]
L.ENGINE_init.argtypes = [P]; L.ENGINE_set_default.argtypes = [P, ctypes.c_uint]
L.EVP_get_digestbyname.restype = P; L.EVP_get_digestbyname.argtypes = [ctypes.c_char_p]
L.EVP_Digest.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.POINTER(ctypes.c_uint), P, P]
L.d2i_X509.restype = P; L.d2i_X509.argtypes = [P, ctypes.POINTER(ctypes.c_char_p), ctypes.c_long]
L.X509_get0_pubkey.restype = P; L.X509_get0_pubkey.argtypes = [P]; L.X509_free.argtypes = [P]
L.EVP_MD_CTX_new.restype = P; L.EVP_MD_CTX_free.argtypes = [P]
L.EVP_DigestVerifyInit.argtypes = [P, P, P, P, P]
L.EVP_DigestVerify.argtypes = [P, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t]
L.ERR_clear_error.argtypes = []
e = L.ENGINE_by_id(b'gost')
if not e or L.ENGINE_init(e) != 1 or L.ENGINE_set_default(e, 0xFFFF) != 1:
    sys.exit('the GOST engine cannot be loaded')
md = {256: L.EVP_get_digestbyname(b'md_gost12_256'), 512: L.EVP_get_digestbyname(b'md_gost12_512')}
inp, out = sys.stdin.buffer, sys.stdout.buffer
def answer(status, data):
    out.write(bytes([status]) + struct.pack('>I', len(data)) + data); out.flush()
def verify(bits, data):
    n = struct.unpack('>I', data[:4])[0]; cert = data[4:4 + n]; rest = data[4 + n:]
    m = struct.unpack('>I', rest[:4])[0]; sig = rest[4:4 + m]; signed = rest[4 + m:]
    x = L.d2i_X509(None, ctypes.byref(ctypes.c_char_p(cert)), len(cert))
    if not x: return b'\x00'
    ctx = L.EVP_MD_CTX_new()
    ok = L.EVP_DigestVerifyInit(ctx, None, md[bits], None, L.X509_get0_pubkey(x)) == 1 and L.EVP_DigestVerify(ctx, sig, len(sig), signed, len(signed)) == 1
    L.EVP_MD_CTX_free(ctx); L.X509_free(x); L.ERR_clear_error()
    return b'\x01' if ok else b'\x00'
while True:
    head = inp.read(5)
    if len(head) < 5: break
    op, n = head[:1], struct.unpack('>I', head[1:])[0]
    data = inp.read(n)
    bits = 512 if op in (b'D', b'V') else 256
    if op in (b'd', b'D'):
        buf = ctypes.create_string_buffer(64); size = ctypes.c_uint(0)
        ok = L.EVP_Digest(data, n, buf, ctypes.byref(size), md[bits], None) == 1
        answer(0 if ok else 1, buf.raw[:size.value] if ok else b'digest failed')
    elif op in (b'v', b'V'):
        answer(0, verify(bits, data))
    else:
        answer(1, b'unknown operation')
`;

let child: ChildProcessWithoutNullStreams | undefined;
let pending: { resolve: (b: Buffer) => void; reject: (e: Error) => void }[] = [];
let buffered: Buffer = Buffer.alloc(0);

function setIdle(proc: ChildProcessWithoutNullStreams, idle: boolean) {
  for (const h of [proc, proc.stdin, proc.stdout, proc.stderr] as unknown as { ref(): void; unref(): void }[]) {
    if (idle) h.unref();
    else h.ref();
  }
}

function start(): ChildProcessWithoutNullStreams {
  const proc = spawn('python3', ['-c', VERIFIER], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  const fail = (err: Error) => {
    if (child === proc) child = undefined;
    const waiting = pending;
    pending = [];
    buffered = Buffer.alloc(0);
    for (const p of waiting) p.reject(err);
  };
  proc.stdout.on('data', (chunk: Buffer) => {
    buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
    while (buffered.length >= 5 && buffered.length >= 5 + buffered.readUInt32BE(1)) {
      const size = buffered.readUInt32BE(1);
      const status = buffered[0];
      const data = Buffer.from(buffered.subarray(5, 5 + size));
      buffered = buffered.subarray(5 + size);
      const p = pending.shift();
      if (!pending.length) setIdle(proc, true);
      if (status === 0) p?.resolve(data);
      else p?.reject(new Error(`GOST verifier: ${data.toString('utf8')}`));
    }
  });
  proc.stderr.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString('utf8')).slice(-2000);
  });
  proc.on('error', (err) => fail(err));
  proc.on('exit', (code) => fail(new Error(`GOST verifier exited (${code}): ${stderr.trim()}`)));
  proc.stdin.on('error', () => undefined);
  setIdle(proc, true);
  return proc;
}

function call(op: string, data: Buffer): Promise<Buffer> {
  child ??= start();
  const proc = child;
  setIdle(proc, false);
  return new Promise((resolve, reject) => {
    pending.push({ resolve, reject });
    const head = Buffer.alloc(5);
    head.write(op, 0, 'latin1');
    head.writeUInt32BE(data.length, 1);
    proc.stdin.write(Buffer.concat([head, data]));
  });
}

/** GOST R 34.11-2012 digest of the given size. */
export const gostDigest = (bits: 256 | 512, data: Buffer) => call(bits === 512 ? 'D' : 'd', data);

/** Checks a GOST R 34.10-2012 signature (s || r, big-endian, as OpenSSL makes it) over `data` with the certificate's key. */
export async function gostVerify(bits: 256 | 512, data: Buffer, signature: Buffer, certDer: Buffer): Promise<boolean> {
  const len = (b: Buffer) => {
    const h = Buffer.alloc(4);
    h.writeUInt32BE(b.length);
    return h;
  };
  const answer = await call(
    bits === 512 ? 'V' : 'v',
    Buffer.concat([len(certDer), certDer, len(signature), signature, data]),
  );
  return answer[0] === 1;
}

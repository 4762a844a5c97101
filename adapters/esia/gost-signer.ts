import type { EsiaSignatureMode } from '../../contracts/esia.js';
import type { Signer } from '../../contracts/identity.js';
import { gostMdFlag, opensslAsync, type GostMaterial } from '../gost/openssl.js';
import { createGostWorker } from '../gost/worker.js';

/**
 * ESIA's client_secret with a GOST R 34.10-2012 key. v2/v3: the bare signature as OpenSSL's GOST engine
 * makes it (s || r big-endian; the guide tells CryptoPro users to reverse their CSP's output byte by byte to
 * get this), base64url without padding. legacy: a detached CMS SignedData (`openssl cms -sign`, GOST
 * R 34.11-2012 digest, signer certificate included). client_certificate_hash: GOST R 34.11-2012 (256) of the
 * certificate's DER in upper-case hex, what CryptoPro's `cpverify -mk -alg GR3411_2012_256` prints.
 */
export function createGostEsiaSigner(material: GostMaterial, mode: EsiaSignatureMode): Signer & { close(): void } {
  const worker = createGostWorker(material);
  let hash: Promise<string> | undefined;
  return {
    async sign(content) {
      const data = Buffer.from(content, 'utf8');
      if (mode === 'v2') return (await worker.sign(data)).toString('base64url');
      const args = [
        'cms',
        '-sign',
        '-engine',
        'gost',
        '-binary',
        '-in',
        'data.bin',
        '-signer',
        'cert.pem',
        '-inkey',
        'key.pem',
        '-md',
        gostMdFlag(material.bits).slice(1),
        '-outform',
        'DER',
        '-out',
        'sig.der',
      ];
      if (material.passphrase) args.push('-passin', 'file:pass.txt');
      const r = await opensslAsync(
        args,
        {
          'data.bin': data,
          'cert.pem': material.certPem,
          'key.pem': material.keyPem,
          'pass.txt': `${material.passphrase ?? ''}\n`,
        },
        ['sig.der'],
      );
      if (!r) throw new Error('openssl cms -sign failed');
      return r.files['sig.der']!.toString('base64url');
    },
    certificateHash() {
      hash ??= worker.digest(256, material.certDer).then((d) => d.toString('hex').toUpperCase());
      return hash;
    },
    close: () => worker.close(),
  };
}

/**
 * Feishu's request signature and body encryption (FEISHU.md §3.3–3.4).
 * Both run on every inbound request, so keys are derived once.
 */
import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/** AES-256-CBC with key = sha256(encryptKey) and the IV in the first 16 bytes. */
export function makeDecryptor(encryptKey: string): (encrypted: string) => string {
  const key = createHash('sha256').update(encryptKey).digest();
  return (encrypted) => {
    const buf = Buffer.from(encrypted, 'base64');
    if (buf.length < 32 || buf.length % 16 !== 0) throw new Error('bad ciphertext length');
    const decipher = createDecipheriv('aes-256-cbc', key, buf.subarray(0, 16));
    return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8');
  };
}

/**
 * Checks `X-Lark-Signature = hex(sha256(timestamp + nonce + encryptKey + rawBody))` on the raw
 * bytes as received (the SDK re-serialises the parsed body instead — FEISHU.md §3.5), in
 * constant time.
 */
export function signatureMatches(timestamp: string, nonce: string, encryptKey: string, rawBody: Buffer, signature: string): boolean {
  const expected = createHash('sha256').update(timestamp + nonce + encryptKey).update(rawBody).digest();
  if (!/^[0-9a-f]{64}$/i.test(signature)) return false;
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

/**
 * A constant-time check against one configured secret. Both sides are hashed to equal-length
 * digests first so the comparison leaks neither content nor length; the expected digest is
 * computed once, since this runs on every request.
 */
export function secretMatcher(expected: string): (candidate: string) => boolean {
  const want = createHash('sha256').update(expected).digest();
  return (candidate) => timingSafeEqual(createHash('sha256').update(candidate).digest(), want);
}

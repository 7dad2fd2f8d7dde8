import { createHash } from 'node:crypto';
import { maskMyKeyLast4, normalizeMyKeyId } from '@mynapoint/domain';
import type { MyKeyDigest } from './mykey-hasher';

// The MyKey hash (HMAC-SHA-256, exactly `digestMyKeyId`) for bulk imports. Node's
// createHmac costs a native object per call, about 5 µs: a million-row file would
// spend its time there. A MyKey ID fits in one SHA-256 block, so with the key's inner
// and outer states computed once, each HMAC is two compressions in plain arithmetic.
// A property test holds it equal to node:crypto for any key and ID.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

const W = new Int32Array(64);

/** One SHA-256 compression of the 16 words in `block` into `state`. */
function compress(state: Int32Array, block: Int32Array): void {
  for (let i = 0; i < 16; i++) W[i] = block[i];
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15];
    const b = W[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
  }
  let a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0] + a) | 0;
  state[1] = (state[1] + b) | 0;
  state[2] = (state[2] + c) | 0;
  state[3] = (state[3] + d) | 0;
  state[4] = (state[4] + e) | 0;
  state[5] = (state[5] + f) | 0;
  state[6] = (state[6] + g) | 0;
  state[7] = (state[7] + h) | 0;
}

function padded(key: Buffer, pad: number): Int32Array {
  const block = new Int32Array(16);
  for (let i = 0; i < 64; i++) block[i >> 2] |= ((key[i] ?? 0) ^ pad) << (24 - 8 * (i & 3));
  return block;
}

/** Returns a function computing `digestMyKeyId(secret, …)` for normalized (ASCII, 8-character) MyKey IDs. */
export function createMyKeyDigester(secret: string): (normalized: string) => MyKeyDigest {
  let key = Buffer.from(secret, 'utf8');
  if (key.length > 64) key = createHash('sha256').update(key).digest();
  const innerStart = INITIAL.slice();
  compress(innerStart, padded(key, 0x36));
  const outerStart = INITIAL.slice();
  compress(outerStart, padded(key, 0x5c));
  const state = new Int32Array(8);
  const block = new Int32Array(16);
  return (normalized) => {
    const n = normalized.length; // 8 for a MyKey ID; anything up to 55 bytes of ASCII fits one block
    block.fill(0);
    for (let i = 0; i < n; i++) block[i >> 2] |= normalized.charCodeAt(i) << (24 - 8 * (i & 3));
    block[n >> 2] |= 0x80 << (24 - 8 * (n & 3));
    block[15] = (64 + n) * 8;
    state.set(innerStart);
    compress(state, block);
    block.fill(0);
    for (let i = 0; i < 8; i++) block[i] = state[i];
    block[8] = 0x80000000 | 0;
    block[15] = (64 + 32) * 8;
    state.set(outerStart);
    compress(state, block);
    const hash = Buffer.allocUnsafe(32);
    for (let i = 0; i < 8; i++) hash.writeInt32BE(state[i], i * 4);
    const last4 = normalized.slice(-4);
    return { hash, last4, ref: maskMyKeyLast4(last4) };
  };
}

/** The digest of a raw MyKey ID cell, or null when it is not a MyKey ID. */
export function createMyKeyReader(secret: string): (raw: string) => MyKeyDigest | null {
  const digest = createMyKeyDigester(secret);
  return (raw) => {
    const normalized = normalizeMyKeyId(raw);
    return normalized ? digest(normalized) : null;
  };
}

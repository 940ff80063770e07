/**
 * MD5 (RFC 1321) in plain TypeScript, for the taskpane: browsers' Web Crypto has no MD5, and an OCF
 * manifest lists each file's md5. An integrity check against accidents, not a signature. Tested
 * against Node's crypto on random inputs (test/ocf/md5.test.ts).
 *
 * The input is read in place, 64 bytes at a time; only its last block or two are copied, to pad them
 * (a 34 MB Transactions file is not copied to be hashed). Each of the four rounds is one loop over
 * its 16 steps, with the message index, shift and constant of each step from tables.
 */

/** Shift of each step (RFC 1321 3.4). */
const SHIFT = Uint8Array.from({ length: 64 }, (_, i) => [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21][(i >>> 4) * 4 + (i % 4)]);
/** Message word of each step: i, 5i+1, 3i+5, 7i (mod 16) in rounds 1 to 4. */
const WORD = Uint8Array.from({ length: 64 }, (_, i) => (i < 16 ? i : i < 32 ? 5 * i + 1 : i < 48 ? 3 * i + 5 : 7 * i) % 16);
/** K[i] = floor(2^32 * abs(sin(i + 1))) (RFC 1321 3.4, the table T), as signed 32-bit words. */
const K = Int32Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);

/** The running state: the four words A, B, C, D and the current block's 16 words. */
interface Md5State {
  readonly h: Int32Array;
  readonly m: Int32Array;
}

/** Mixes the 64 bytes of `bytes` from `offset` into the state. */
function block(state: Md5State, bytes: Uint8Array, offset: number): void {
  const { h, m } = state;
  for (let i = 0, o = offset; i < 16; i++, o += 4) m[i] = bytes[o] | (bytes[o + 1] << 8) | (bytes[o + 2] << 16) | (bytes[o + 3] << 24);
  let a = h[0];
  let b = h[1];
  let c = h[2];
  let d = h[3];
  let i = 0;
  for (; i < 16; i++) {
    const sum = (a + ((b & c) | (~b & d)) + K[i] + m[WORD[i]]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << SHIFT[i]) | (sum >>> (32 - SHIFT[i])))) | 0;
  }
  for (; i < 32; i++) {
    const sum = (a + ((d & b) | (~d & c)) + K[i] + m[WORD[i]]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << SHIFT[i]) | (sum >>> (32 - SHIFT[i])))) | 0;
  }
  for (; i < 48; i++) {
    const sum = (a + (b ^ c ^ d) + K[i] + m[WORD[i]]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << SHIFT[i]) | (sum >>> (32 - SHIFT[i])))) | 0;
  }
  for (; i < 64; i++) {
    const sum = (a + (c ^ (b | ~d)) + K[i] + m[WORD[i]]) | 0;
    a = d;
    d = c;
    c = b;
    b = (b + ((sum << SHIFT[i]) | (sum >>> (32 - SHIFT[i])))) | 0;
  }
  h[0] = (h[0] + a) | 0;
  h[1] = (h[1] + b) | 0;
  h[2] = (h[2] + c) | 0;
  h[3] = (h[3] + d) | 0;
}

/** md5 of the bytes as 32 lowercase hex digits. */
export function md5Hex(bytes: Uint8Array): string {
  const length = bytes.length;
  const state: Md5State = { h: Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476), m: new Int32Array(16) };
  const whole = length - (length % 64);
  for (let offset = 0; offset < whole; offset += 64) block(state, bytes, offset);
  // The tail, padded: a 1 bit, zeros to 56 mod 64 bytes, then the length in bits as 64-bit little endian.
  const rest = length - whole;
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(bytes.subarray(whole));
  tail[rest] = 0x80;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, (length * 8) >>> 0, true);
  view.setUint32(tail.length - 4, Math.floor(length / 0x20000000), true);
  for (let offset = 0; offset < tail.length; offset += 64) block(state, tail, offset);
  let hex = "";
  for (const word of state.h) for (let k = 0; k < 32; k += 8) hex += ((word >>> k) & 0xff).toString(16).padStart(2, "0");
  return hex;
}

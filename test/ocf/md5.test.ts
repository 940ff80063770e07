/** The taskpane's md5 (src/ocf/md5.ts) against Node's, on the RFC 1321 test suite and random inputs of every padding length. */
import { createHash } from "node:crypto";
import fc from "fast-check";
import { md5Hex } from "../../src/ocf/md5";

const node = (b: Uint8Array) => createHash("md5").update(b).digest("hex");

test("RFC 1321 A.5 test suite", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  expect(md5Hex(enc(""))).toBe("d41d8cd98f00b204e9800998ecf8427e");
  expect(md5Hex(enc("abc"))).toBe("900150983cd24fb0d6963f7d28e17f72");
  expect(md5Hex(enc("message digest"))).toBe("f96b697d7cb7938d525a2f31aaf161d0");
  expect(md5Hex(enc("12345678901234567890123456789012345678901234567890123456789012345678901234567890"))).toBe("57edf4a22be3c955ac49da2e2107b67a");
});

test("the same as Node's crypto for every length around the 64-byte blocks, and random bytes", () => {
  for (let n = 0; n < 200; n++) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff);
    expect(md5Hex(b)).toBe(node(b));
  }
  fc.assert(fc.property(fc.uint8Array({ maxLength: 5000 }), (b) => md5Hex(b) === node(b)));
});

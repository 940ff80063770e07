/**
 * Crafting hostile zips for tests: a part whose headers declare a size other than its real one,
 * a truncated file. Offsets from PKWARE's APPNOTE.TXT 4.3.7 (local file header: uncompressed size
 * at 22) and 4.3.12 (central directory header: uncompressed size at 24, file name length at 28,
 * file name at 46; local header: name length at 26, name at 30).
 */
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

/** A copy of `zip` whose local and central headers say `declared` bytes for the part `name`. */
export function withDeclaredSize(zip: Uint8Array, name: string, declared: number): Uint8Array {
  const out = Uint8Array.from(zip);
  const view = new DataView(out.buffer);
  const wanted = new TextEncoder().encode(name);
  const nameAt = (at: number, length: number) => length === wanted.length && wanted.every((b, k) => out[at + k] === b);
  let patched = 0;
  for (let i = 0; i + 46 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === LOCAL && nameAt(i + 30, view.getUint16(i + 26, true))) {
      view.setUint32(i + 22, declared, true);
      patched++;
    } else if (signature === CENTRAL && nameAt(i + 46, view.getUint16(i + 28, true))) {
      view.setUint32(i + 24, declared, true);
      patched++;
    }
  }
  if (patched < 2) throw new Error(`${name}: headers not found in the zip`);
  return out;
}

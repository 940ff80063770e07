/** CRC-32 (ISO 3309, the ZIP checksum, APPNOTE.TXT 4.4.7): no Node APIs, so the taskpane's zip readers use it too. */
let crcTable: Int32Array | undefined;

/** CRC-32 of the bytes, as an unsigned number. */
export function crc32(bytes: Uint8Array): number {
  if (crcTable === undefined) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

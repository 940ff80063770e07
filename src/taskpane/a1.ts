/** A1 addresses for the preview grid. */

/** "C12" -> { col: 3, row: 12 }; undefined when not an A1 address of one cell. */
export function parseAddress(address: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.trim().toUpperCase());
  if (m === null) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col, row: Number(m[2]) };
}

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

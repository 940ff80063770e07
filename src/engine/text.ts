/**
 * Cutting text without breaking a character. JavaScript strings (and Excel's) are UTF-16: a
 * character beyond U+FFFF (most emoji, "𝔸") is two code units, a surrogate pair. `slice` counts
 * code units and may keep the first half of a pair alone, which every writer then shows as
 * U+FFFD "�". Every cut in the add-in goes through `cutText`, which never splits a pair.
 */

/** True for a high (leading) surrogate code unit, U+D800 to U+DBFF. */
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * The longest start of `text` at most `maxUnits` UTF-16 code units long that does not end inside
 * a surrogate pair (a pair that would be cut is left out whole). `maxUnits` counts code units, as
 * Excel's own limits do (LEN counts an emoji as 2), so the result always fits the limit.
 */
export function cutText(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  const end = Math.max(0, maxUnits);
  return end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? text.slice(0, end - 1) : text.slice(0, end);
}

const NON_ASCII = /[\u0080-\u{10ffff}]/u;
/** A run of ASCII characters, or one other character (a code point). */
const ASCII_RUN_OR_OTHER = /[^\u0080-\u{10ffff}]+|[\u0080-\u{10ffff}]/gu;

/** Each character's one-character case-insensitive form, cached (see `nameKey`). */
const SIMPLE_UPPER = new Map<string, string>();

/** A character's upper case when it is one character ("é" -> "É"), else the character itself ("ß" stays "ß", never "SS"). */
function simpleUpper(ch: string): string {
  let upper = SIMPLE_UPPER.get(ch);
  if (upper === undefined) {
    // Lower case first, so both forms of a letter meet ("ẞ" -> "ß", "ß" stays): one code point to one code point only.
    const lower = ch.toLowerCase();
    const base = [...lower].length === 1 ? lower : ch;
    const up = base.toUpperCase();
    upper = [...up].length === 1 ? up : base;
    SIMPLE_UPPER.set(ch, upper);
  }
  return upper;
}

/**
 * The key every name is compared by (holders, classes, the pool row, a solver's `who`): trimmed and
 * case-insensitive, as Excel's own lookups are (Microsoft, MATCH function,
 * https://support.microsoft.com/office/match-function-e8dffd45-c762-47d6-bf89-533f4a37673a: "MATCH
 * does not distinguish between uppercase and lowercase letters when matching text values"; XLOOKUP,
 * VLOOKUP and COUNTIF likewise), one character against one character. Never JavaScript's full case
 * mapping (`toUpperCase`, Unicode SpecialCasing.txt), which turns "ß" into "SS" and so made
 * "Straße" and "Strasse" one holder: here "ß" matches "ẞ" only, "ﬁ" matches itself, accents count
 * ("é" is not "e"). No locale is applied.
 */
export function nameKey(name: string): string {
  const t = name.trim();
  // ASCII (no character from U+0080): the everyday name, and where full and simple case mapping agree.
  if (!NON_ASCII.test(t)) return t.toUpperCase();
  // Runs of ASCII in one call each (a long name costs one pass, not a call per letter); other characters one by one.
  return t.replace(ASCII_RUN_OR_OTHER, (m) => (NON_ASCII.test(m) ? simpleUpper(m) : m.toUpperCase()));
}

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

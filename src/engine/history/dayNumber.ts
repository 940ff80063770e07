/** Dates as whole numbers, for comparing many dates fast (the history replay and vesting lookups). */

/**
 * The day of an ISO-shaped text "DDDD-DD-DD" (any digits) as the number DDDDDDDD; -1 for any other
 * text. Exact as an order: for two ISO-shaped texts a and b, `a < b` (JavaScript's string order)
 * exactly when `dayNumber(a) < dayNumber(b)`, since their dashes sit at the same places, so the string
 * order is the order of their 8 digits read left to right, which is the order of the numbers they
 * write (same length, no sign). Texts of another shape keep the string order (callers check for -1).
 */
export function dayNumber(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/**
 * Every cut of a text keeps whole characters (issue 13, item 9): `cutText` and the messages that quote
 * a cut text (a cell's text in an error, a formula in a write request, a JSON character).
 */
import fc from "fast-check";
import { cutText } from "../../src/engine";
import { describeCell } from "../../src/functions/cells";
import { parseSafeJson } from "../../src/templates/safeJson";

const loneSurrogate = (s: string) => /[\uD800-\uDFFF]/u.test(s);
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

describe("cutText", () => {
  test("never ends inside a surrogate pair, never longer than asked, keeps all it can", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            astral,
            fc.integer({ min: 0x20, max: 0xd7ff }).map((c) => String.fromCharCode(c)),
          ),
          { maxLength: 60 },
        ),
        fc.integer({ min: 0, max: 70 }),
        (chars, n) => {
          const text = chars.join("");
          const cut = cutText(text, n);
          expect(loneSurrogate(cut)).toBe(false);
          expect(cut.length).toBeLessThanOrEqual(Math.max(n, 0));
          expect(text.startsWith(cut)).toBe(true);
          expect(cut.length).toBeGreaterThanOrEqual(Math.min(text.length, n) - 1);
        },
      ),
    );
    expect(cutText("ab😀", 3)).toBe("ab");
    expect(cutText("ab😀", 4)).toBe("ab😀");
  });

  test("a cell's text quoted in a message keeps whole characters", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 30, maxLength: 45 }).map((s) => s.replace(/[\uD800-\uDFFF]/g, "x")),
        fc.array(astral, { minLength: 1, maxLength: 10 }),
        (head, tail) => {
          expect(loneSurrogate(describeCell(head + tail.join("")))).toBe(false);
        },
      ),
    );
  });

  test("a JSON problem names a character beyond U+FFFF by its code point", () => {
    const r = parseSafeJson("😀", "template");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(" ")).toContain("U+1F600");
  });
});

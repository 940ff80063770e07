/**
 * Numbers shown with their thousands separators once a field is left, and read back exactly: one
 * rule for the separators in both languages (src/taskpane/numberText.ts).
 */
import fc from "fast-check";
import {
  fractionToPercentText,
  groupedNumber,
  groupedNumberText,
  groupedPercentText,
  numberToText,
  parseNumber,
  parsePercent,
} from "../../src/locales/numberText";

describe("thousands separators: shown once a field is left, read back exactly", () => {
  test.each([
    ["8571428", "en", "8,571,428"],
    ["8571428.5", "en", "8,571,428.5"],
    ["-1234567.125", "en", "-1,234,567.125"],
    ["8,571,428", "en", "8,571,428"],
    ["8 571 428", "en", "8,571,428"],
    ["1e6", "en", "1,000,000"],
    ["0.25", "en", "0.25"],
    ["+42", "en", "42"],
    ["8571428", "fr", "8\u202f571\u202f428"],
    ["8 571 428,5", "fr", "8\u202f571\u202f428,5"],
    ["8571428.5", "fr", "8\u202f571\u202f428,5"],
    ["0,25", "fr", "0,25"],
  ] as const)("%s (%s) -> %s", (typed, lang, shown) => {
    expect(groupedNumberText(typed, lang)).toBe(shown);
    expect(parseNumber(shown, lang)).toEqual(parseNumber(typed, lang));
  });

  test('"8,571,428" and French "8 571 428" / "8 571 428,5" read exactly', () => {
    expect(parseNumber("8,571,428", "en")).toEqual({ ok: true, value: 8_571_428 });
    expect(parseNumber("8 571 428", "fr")).toEqual({ ok: true, value: 8_571_428 });
    expect(parseNumber("8 571 428,5", "fr")).toEqual({ ok: true, value: 8_571_428.5 });
    expect(parseNumber("8\u00a0571\u00a0428,5", "fr")).toEqual({ ok: true, value: 8_571_428.5 });
    expect(parseNumber("8\u202f571\u202f428,5", "fr")).toEqual({ ok: true, value: 8_571_428.5 });
  });

  test.each([
    ["1,00", "en"],
    ["1 00", "en"],
    ["1 00", "fr"],
    ["12 34,5", "fr"],
    ["1,000 000", "en"],
    ["1 000,5", "en"],
    ["8.571.428", "fr"],
    ["1,234.5,6", "en"],
    ["1 234,567 8", "fr"],
  ] as const)("one rule: %s (%s) is not a number (groups of three, one separator)", (text, lang) => {
    expect(parseNumber(text, lang)).toEqual({ ok: false, reason: "notANumber" });
    expect(groupedNumberText(text, lang)).toBeUndefined();
  });

  test("a text that is not a number is left as typed", () => {
    expect(groupedNumberText("5M", "en")).toBeUndefined();
    expect(groupedNumberText("", "en")).toBeUndefined();
  });

  test("any number shown grouped reads back as the same number, in both languages", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.constantFrom("en" as const, "fr" as const), (n, lang) => {
        const shown = groupedNumber(n, lang);
        const read = parseNumber(shown, lang);
        expect(read.ok).toBe(true);
        // Shown to 15 significant digits, as the forms show every number (numberToText, ungrouped).
        expect(read).toEqual(parseNumber(numberToText(n, lang), lang));
        expect(groupedNumberText(shown, lang)).toBe(shown);
      }),
    );
  });
});

describe("percentages: shown as numbers are once a field is left, read back exactly (the same rule)", () => {
  test.each([
    ["12.5", "en", "12.5"],
    ["12.5%", "en", "12.5"],
    ["12.5 %", "en", "12.5"],
    ["1500", "en", "1,500"],
    ["-10 %", "en", "-10"],
    ["12.5", "fr", "12,5"],
    ["12,5 %", "fr", "12,5"],
    ["12,5\u00a0%", "fr", "12,5"],
    ["1500,25%", "fr", "1\u202f500,25"],
  ] as const)("%s (%s) -> %s", (typed, lang, shown) => {
    expect(groupedPercentText(typed, lang)).toBe(shown);
    expect(parsePercent(shown, lang)).toEqual(parsePercent(typed, lang));
  });

  test.each([
    ["12.5.1", "en"],
    ["1,00%", "en"],
    ["12 34,5 %", "fr"],
    ["%", "en"],
    ["abc%", "fr"],
  ] as const)("one rule: %s (%s) is not a percentage, left as typed", (text, lang) => {
    expect(parsePercent(text, lang).ok).toBe(false);
    expect(groupedPercentText(text, lang)).toBeUndefined();
  });

  test("any fraction shown as a form shows it, then grouped, reads back as the same fraction, in both languages", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom("en" as const, "fr" as const), (f, lang) => {
        const typed = fractionToPercentText(f, lang);
        const shown = groupedPercentText(typed, lang)!;
        expect(shown).toBeDefined();
        expect(parsePercent(shown, lang)).toEqual(parsePercent(typed, lang));
        expect(groupedPercentText(shown, lang)).toBe(shown);
      }),
    );
  });
});

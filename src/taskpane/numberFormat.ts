/**
 * Displays a cell value with its Excel number format code, for the preview grid (outside Excel).
 * A reasonable subset of Excel's rules, enough for model sheets:
 * - up to four sections "positive;negative;zero;text"; a negative shown through its own section
 *   loses its sign (the section carries it, e.g. "(#,##0)");
 * - digit placeholders 0 # ?, thousands separator ",", trailing "," scaling by 1,000 each,
 *   decimals after ".", "%" (x100), quoted literals, "\x" escapes, "_x" spaces, "*x" fills
 *   ignored, [Red]/[Color] ignored, [$€-40C] currency blocks shown as their symbol, "@" text;
 * - "General" or no format: up to 11 significant digits;
 * - the separators follow the UI language (en 1,234.5; fr 1 234,5), as Excel follows the locale.
 * Rounding for display is half away from zero, as Excel's is; the stored value is untouched.
 */
import { Decimal } from "../engine";
import type { Lang } from "./i18n";

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  en: { group: ",", decimal: "." },
  fr: { group: "\u202f", decimal: "," },
};

/** Splits a format into its sections, ignoring ";" inside quotes and brackets. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === "\\" && !quoted && i + 1 < format.length) {
      current += c + format[i + 1];
      i++;
      continue;
    }
    if (c === '"' && !bracket) quoted = !quoted;
    else if (c === "[" && !quoted) bracket = true;
    else if (c === "]" && !quoted) bracket = false;
    if (c === ";" && !quoted && !bracket) {
      sections.push(current);
      current = "";
    } else current += c;
  }
  sections.push(current);
  return sections;
}

type Token = { kind: "literal"; text: string } | { kind: "number"; pattern: string };

/** Tokenises one section into literals and the (single) run of digit placeholders. */
function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "literal") last.text += text;
    else tokens.push({ kind: "literal", text });
  };
  let i = 0;
  while (i < section.length) {
    const c = section[i];
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      literal(section.slice(i + 1, end < 0 ? section.length : end));
      i = end < 0 ? section.length : end + 1;
    } else if (c === "\\") {
      literal(section[i + 1] ?? "");
      i += 2;
    } else if (c === "_") {
      literal(" ");
      i += 2;
    } else if (c === "*") {
      i += 2;
    } else if (c === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-\]]*)/.exec(inner);
      if (currency) literal(currency[1]);
      i = end < 0 ? section.length : end + 1;
    } else if (/[0#?]/.test(c) || (c === "." && /[0#?]/.test(section[i + 1] ?? ""))) {
      let j = i;
      while (j < section.length && /[0#?,.]/.test(section[j])) j++;
      const last = tokens[tokens.length - 1];
      if (last?.kind === "number") last.pattern += section.slice(i, j);
      else tokens.push({ kind: "number", pattern: section.slice(i, j) });
      i = j;
    } else {
      literal(c);
      i++;
    }
  }
  return tokens;
}

function formatDigits(value: Decimal, pattern: string, lang: Lang): string {
  const { group, decimal } = SEPARATORS[lang];
  // Trailing commas scale by 1,000 each.
  let scaled = value;
  let p = pattern;
  while (p.endsWith(",")) {
    scaled = scaled.div(1000);
    p = p.slice(0, -1);
  }
  const dot = p.indexOf(".");
  const intPattern = dot < 0 ? p : p.slice(0, dot);
  const fracPattern = dot < 0 ? "" : p.slice(dot + 1).replace(/,/g, "");
  const grouped = intPattern.includes(",");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = fracPattern.length;
  const fixed = scaled.abs().toFixed(maxFrac, Decimal.ROUND_HALF_UP);
  let [intPart, fracPart = ""] = fixed.split(".");
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  while (fracPart.length > minFrac && fracPart.endsWith("0")) fracPart = fracPart.slice(0, -1);
  if (grouped) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return fracPart === "" ? intPart : `${intPart}${decimal}${fracPart}`;
}

/** "General": up to 11 significant digits, no grouping, the UI language's decimal mark. */
function formatGeneral(value: number, lang: Lang): string {
  if (value === 0) return "0";
  const d = new Decimal(value).toSignificantDigits(11);
  const text = Math.abs(value) >= 1e11 || Math.abs(value) < 1e-9 ? d.toExponential().replace(/e\+?/, "E+").replace("E+-", "E-") : d.toFixed();
  return lang === "fr" ? text.replace(".", ",") : text;
}

/** The text Excel would show for `value` under `format` (a reasonable subset; see the module comment). */
export function formatCell(value: number | string | boolean | null | undefined, format: string | undefined, lang: Lang = "en"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? (lang === "fr" ? "VRAI" : "TRUE") : lang === "fr" ? "FAUX" : "FALSE";
  const sections = format === undefined || format.trim() === "" ? ["General"] : splitSections(format);
  if (typeof value === "string") {
    const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes("@"));
    if (textSection === undefined) return value;
    return tokenize(textSection)
      .map((t) => (t.kind === "literal" ? t.text.replace(/@/g, value) : t.pattern))
      .join("");
  }
  if (!Number.isFinite(value)) return "#NUM!";
  let section = sections[0];
  let signed = true; // whether the sign must still be shown
  if (value < 0 && sections.length >= 2 && sections[1] !== "") {
    section = sections[1];
    signed = false;
  } else if (value === 0 && sections.length >= 3) section = sections[2];
  if (/^general$/i.test(section.trim())) {
    return formatGeneral(signed ? value : Math.abs(value), lang);
  }
  const tokens = tokenize(section);
  const percent = tokens.some((t) => t.kind === "literal" && t.text.includes("%"));
  let magnitude = new Decimal(value);
  if (percent) magnitude = magnitude.times(100);
  const hasNumber = tokens.some((t) => t.kind === "number");
  let body = tokens
    .map((t) => (t.kind === "literal" ? t.text.replace(/general/i, formatGeneral(Math.abs(value), lang)) : formatDigits(magnitude, t.pattern, lang)))
    .join("");
  if (!hasNumber && !/general/i.test(section)) return body;
  // Only show a minus when the number does not round to zero at the shown precision.
  const shownDigits = body.replace(/[^1-9]/g, "");
  if (signed && value < 0 && shownDigits !== "") body = `-${body}`;
  return body;
}

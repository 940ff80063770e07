/**
 * Safe reading of JSON text from outside (an imported template, a file on the command line),
 * BEFORE any schema sees it. JSON.parse alone would accept a 2 GB file, ten thousand levels of
 * nesting, a million-element array or a "__proto__" key; each of these is refused here with a
 * message that names the rule and where it was broken ("inputs.capTable[3]").
 *
 * Pure functions, no I/O; they never throw.
 */
import { xmlForbiddenAt } from "../workbook/xml";
import { type JsonDocument, type RuleId, type RuleParams, type RuleRef, type WordRule, wordRuleEn } from "../model/ruleMessages";

/** Limits for a document read from outside. A real template is a few kilobytes. */
export const JSON_LIMITS = {
  /** Characters in the whole file. */
  maxChars: 256 * 1024,
  /** Levels of nested objects and arrays (a template needs 4). */
  maxDepth: 12,
  /** Elements in any one array (the cap table is limited to 500 holders by its schema). */
  maxArray: 1000,
  /** Keys in any one object. */
  maxKeys: 100,
  /** Characters in any one text (field-specific limits come from the schema). */
  maxString: 5000,
  /** Size of any number (larger amounts are not a model: they are a typo or an attack). */
  maxAbs: 1e15,
} as const;

/** Keys that could reach an object's prototype in code that copies objects carelessly. */
export const FORBIDDEN_KEYS: readonly string[] = ["__proto__", "constructor", "prototype"];

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** Formats a path as people read it: inputs.capTable[3].holder (the root is `root`). */
export function formatPath(path: readonly (string | number | symbol)[], root = "template"): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? root : out;
}

/**
 * Control characters (other than tab, line feed and carriage return), U+FFFE, U+FFFF and lone
 * surrogates: they cannot be stored in an .xlsx (XML 1.0 forbids them) and have no place in a
 * label. The one rule, shared with the model's fields: xmlForbiddenAt (src/workbook/xml.ts).
 */
function hasBadChars(text: string): boolean {
  return xmlForbiddenAt(text) >= 0;
}

/** Depth of nesting in raw JSON text, counted outside strings, without parsing (so without recursion). */
function maxNesting(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Parses JSON text from outside and checks it against JSON_LIMITS and FORBIDDEN_KEYS. Never throws.
 * Its refusals are rules of the one catalogue (src/model/ruleMessages.ts), worded by `word` (English by
 * default), and so are the limits on the value itself (`checkJsonValue`).
 */
export function parseSafeJson(text: unknown, what: JsonDocument = "template", word: WordRule = wordRuleEn): SafeJsonResult {
  const refused = <K extends RuleId>(id: K, params: RuleParams[K]): SafeJsonResult => ({ ok: false, errors: [word({ id, params } as RuleRef)] });
  if (typeof text !== "string") return refused("jsonNotText", { what });
  if (text.length > JSON_LIMITS.maxChars) return refused("jsonTooLarge", { what, chars: text.length, max: JSON_LIMITS.maxChars });
  if (text.trim() === "") return refused("jsonEmpty", { what });
  const depth = maxNesting(text);
  if (depth > JSON_LIMITS.maxDepth) return refused("jsonTooDeep", { what, depth, max: JSON_LIMITS.maxDepth });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    // The engine's own text ("Expected double-quoted property name in JSON at position 67") differs
    // between engines and gives no line: say where and what, in our words.
    const found = jsonSyntaxError(body);
    return refused("jsonSyntax", { what, line: found?.line ?? null, column: found?.column ?? null, problem: found?.problem ?? null });
  }
  const errors = checkJsonValue(value, word);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Where JSON text breaks the syntax: 1-based line and column (in characters), and what is wrong. */
export interface JsonSyntaxError {
  readonly line: number;
  readonly column: number;
  readonly problem: string;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The first syntax error in JSON text (RFC 8259), or undefined when it is valid JSON. Called once
 * JSON.parse has refused the text, whose nesting `maxNesting` has already bounded (so the
 * recursion here is shallow).
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  class Stop {
    constructor(
      readonly at: number,
      readonly problem: string,
    ) {}
  }
  const fail = (problem: string, at = i): never => {
    throw new Stop(at, problem);
  };
  const shown = (at: number): string => {
    const code = text.codePointAt(at);
    if (code === undefined) return "the end of the text";
    const c = String.fromCodePoint(code);
    if (c === "'") return "a single quote (JSON texts and field names need double quotes)";
    return /[\x21-\x7e]/.test(c) ? `"${c}"` : `the character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text.charAt(i))) i++;
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail("a text in double quotes is not closed", i);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return;
      }
      if (c < 0x20) fail("a line break or control character inside a text in quotes (write it as \\n or \\t)");
      if (c === 0x5c) {
        const e = text.charAt(i + 1);
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("\\u must be followed by 4 hexadecimal digits");
          i += 6;
        } else if (e !== "" && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`\\${e} is not a JSON escape (use \\\\ for a backslash)`);
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = text.charAt(i);
    if (c === "{") {
      i++;
      space();
      if (text.charAt(i) === "}") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(i) !== '"')
          fail(text.charAt(i) === "}" ? "a comma before } (remove it)" : `a field name in double quotes was expected, not ${shown(i)}`);
        string();
        space();
        if (text.charAt(i) !== ":") fail(`a colon (:) was expected after the field name, not ${shown(i)}`);
        i++;
        value();
        space();
        if (text.charAt(i) === ",") {
          i++;
          continue;
        }
        if (text.charAt(i) === "}") {
          i++;
          return;
        }
        fail(`a comma or } was expected, not ${shown(i)}`);
      }
    }
    if (c === "[") {
      i++;
      space();
      if (text.charAt(i) === "]") {
        i++;
        return;
      }
      for (;;) {
        space();
        if (text.charAt(i) === "]") fail("a comma before ] (remove it)");
        value();
        space();
        if (text.charAt(i) === ",") {
          i++;
          continue;
        }
        if (text.charAt(i) === "]") {
          i++;
          return;
        }
        fail(`a comma or ] was expected, not ${shown(i)}`);
      }
    }
    if (c === '"') return string();
    if (c === "-" || (c >= "0" && c <= "9")) {
      const start = i;
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      const wrong = "a number is written wrongly (JSON numbers have no leading zero, no trailing point, no thousands separator)";
      if (m === null) fail(wrong, start);
      i += (m as RegExpExecArray)[0].length;
      if (/[0-9.eE]/.test(text.charAt(i))) fail(wrong, start);
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(c === "" ? "the text ends where a value was expected" : `a value was expected, not ${shown(i)}`);
  };
  try {
    value();
    space();
    if (i < text.length) fail(`the JSON ends before ${shown(i)} (one value per file)`);
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.at);
    const lineStart = before.lastIndexOf("\n") + 1;
    return { line: before.split("\n").length, column: error.at - lineStart + 1, problem: error.problem };
  }
}

/**
 * Walks a parsed JSON value (iteratively) and lists every breach of JSON_LIMITS and FORBIDDEN_KEYS,
 * at most 20 messages, each its place and a rule of the one catalogue worded by `word` (English by
 * default). Also used on values that did not come from text (templates built in code).
 */
export function checkJsonValue(root: unknown, word: WordRule = wordRuleEn): string[] {
  const errors: string[] = [];
  const breach = <K extends RuleId>(where: string, id: K, params: RuleParams[K]): void => {
    errors.push(`${where}: ${word({ id, params } as RuleRef)}`);
  };
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && errors.length < 20) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    const where = formatPath(path);
    if (path.length > JSON_LIMITS.maxDepth) {
      breach(where, "jsonValueTooDeep", { max: JSON_LIMITS.maxDepth });
      continue;
    }
    if (typeof value === "string") {
      if (value.length > JSON_LIMITS.maxString) breach(where, "jsonTextTooLong", { length: value.length, max: JSON_LIMITS.maxString });
      else if (hasBadChars(value)) breach(where, "jsonTextBadChars", {});
    } else if (typeof value === "number") {
      if (!Number.isFinite(value) || Math.abs(value) > JSON_LIMITS.maxAbs) breach(where, "jsonNumberTooLarge", { value: String(value) });
    } else if (Array.isArray(value)) {
      if (value.length > JSON_LIMITS.maxArray) {
        breach(where, "jsonListTooLong", { length: value.length, max: JSON_LIMITS.maxArray });
        continue;
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] });
    } else if (value !== null && typeof value === "object") {
      const keys = Object.keys(value);
      if (keys.length > JSON_LIMITS.maxKeys) {
        breach(where, "jsonTooManyFields", { count: keys.length, max: JSON_LIMITS.maxKeys });
        continue;
      }
      for (const key of keys) {
        if (FORBIDDEN_KEYS.includes(key)) {
          breach(formatPath([...path, key]), "jsonForbiddenKey", { key });
          continue;
        }
        if (key.length > 100 || hasBadChars(key)) {
          breach(where, "jsonBadFieldName", {});
          continue;
        }
      }
      for (let i = keys.length - 1; i >= 0; i--) {
        if (!FORBIDDEN_KEYS.includes(keys[i])) stack.push({ value: (value as Record<string, unknown>)[keys[i]], path: [...path, keys[i]] });
      }
    } else if (typeof value !== "boolean" && value !== null) {
      breach(where, "jsonNotValue", { type: typeof value });
    }
  }
  return errors;
}

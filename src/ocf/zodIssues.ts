/**
 * A schema library's issue as a problem code of the OCF catalogue (src/ocf/ocfRules.ts), so that the
 * package reader (./read.ts) and the history JSON reader (./historyJson.ts) word a field at fault
 * from the code, in any language, never from zod's English text.
 *
 * A schema's own checks give a code as their message (`ZOD_CODE_MESSAGES`); zod's checks are read by
 * their issue code.
 */
import type { z } from "zod";
import type { OcfIssue, OcfProblem } from "./ocfRules";

/** The messages a schema gives its own checks: each is the code of its problem. */
export const ZOD_CODE_MESSAGES = {
  ocfNumber: "ocfNumber",
  isoDate: "isoDate",
  currency: "currency",
  empty: "empty",
  decimal: "decimal",
  jsonNumber: "jsonNumber",
} as const;

/** The value at a path of an object (undefined where the path leads nowhere). */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) at = typeof at === "object" && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}

/** A schema issue as a problem code: a field missing first, then the schema's own checks by their message (a code), then zod's by its issue code. */
export function problemOf(issue: z.core.$ZodIssue, value: unknown): OcfProblem {
  if (issue.code === "invalid_type" && valueAt(value, issue.path) === undefined) return { code: "missing" };
  switch (issue.message) {
    case ZOD_CODE_MESSAGES.ocfNumber:
    case ZOD_CODE_MESSAGES.isoDate:
    case ZOD_CODE_MESSAGES.currency:
    case ZOD_CODE_MESSAGES.empty:
      return { code: issue.message };
    case ZOD_CODE_MESSAGES.decimal:
    case ZOD_CODE_MESSAGES.jsonNumber:
      return { code: "decimal", jsonNumber: issue.message === ZOD_CODE_MESSAGES.jsonNumber };
  }
  switch (issue.code) {
    case "invalid_type":
      return { code: "type", expected: issue.expected };
    case "invalid_value":
      return { code: "oneOf", values: issue.values.map(String) };
    case "too_small":
      return { code: "tooSmall", minimum: String(issue.minimum) };
    case "invalid_union":
      return "options" in issue && Array.isArray(issue.options) ? { code: "oneOf", values: issue.options.map(String) } : { code: "unknownKind" };
    case "unrecognized_keys":
      return { code: "unknownFields", keys: issue.keys };
    default:
      return { code: "other", text: issue.message };
  }
}

/** The first `max` issues of an error, each as its path ("events.0.quantity") and problem; `more`: how many are left out. */
export function ocfIssues(error: z.ZodError, value: unknown, max = 3): { issues: OcfIssue[]; more: number } {
  const issues = error.issues.slice(0, max).map((i) => ({ path: i.path.map(String).join("."), problem: problemOf(i, value) }));
  return { issues, more: Math.max(0, error.issues.length - max) };
}

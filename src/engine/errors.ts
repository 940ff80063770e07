/**
 * Domain errors. The engine throws only `EngineError`; adapters translate it
 * (Excel: `CustomFunctions.Error`, taskpane: a message next to the field).
 *
 * `kind` follows Excel's error families so the adapter needs no guessing:
 * - "value": an argument breaks a rule (wrong range, unknown holder, text where a number belongs);
 * - "num": the arguments are valid but the result cannot be computed (division by a zero total);
 * - "na": a lookup found nothing.
 */
import type { EngineRuleRef } from "./engineRules";

export type EngineErrorKind = "value" | "num" | "na";

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  /** The user-facing name of the argument at fault, as it appears in the function's help. */
  readonly argument?: string;
  /**
   * The rule broken, by id and parameters (src/engine/engineRules.ts), so another language can word
   * it. Every error the engine throws has one (made by `ruleErrors`, src/engine/messages/); the cell readers' errors
   * (src/functions) have none: they are shown in Excel, in English.
   */
  readonly rule?: EngineRuleRef;

  constructor(kind: EngineErrorKind, message: string, argument?: string, rule?: EngineRuleRef) {
    super(message);
    this.name = "EngineError";
    this.kind = kind;
    this.argument = argument;
    this.rule = rule;
  }
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}

/** The message of anything thrown: an Error's own message, otherwise the value as text. The one copy for every adapter. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

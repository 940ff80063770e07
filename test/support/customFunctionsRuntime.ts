/**
 * A stand-in for Excel's custom-functions runtime (`CustomFunctions` global): the error type and
 * codes the runtime defines, and an `associate` registry, so tests can load our code or the
 * built bundle and call functions as Excel would.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

export interface CustomFunctionsStub {
  Error: typeof CustomFunctionsError;
  ErrorCode: typeof ErrorCode;
  associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown): void;
  /** What `associate` registered, by ID. */
  registry: Map<string, (...args: unknown[]) => unknown>;
}

export function createCustomFunctionsStub(): CustomFunctionsStub {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  return {
    Error: CustomFunctionsError,
    ErrorCode,
    registry,
    associate(id, fn) {
      if (typeof id === "string") {
        if (typeof fn !== "function") throw new TypeError(`associate(${id}) without a function`);
        registry.set(id.toUpperCase(), fn);
      } else {
        for (const [k, f] of Object.entries(id)) registry.set(k.toUpperCase(), f);
      }
    },
  };
}

/** Runs a function, which must throw a `CustomFunctions.Error` (as Excel receives it), and returns its code and message. */
export function cellError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { code: e.code, message: e.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected an error");
}

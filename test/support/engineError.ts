import { EngineError } from "../../src/engine";

/** Runs `fn`, which must throw an `EngineError`, and returns it (any other outcome fails the test). */
export function errorOf(fn: () => unknown): EngineError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error("expected an EngineError");
}

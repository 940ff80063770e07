/**
 * A stand-in for the one Office.js call the custom functions make: `Excel.run` asking the workbook
 * DATE(1904,1,1) (src/functions/dateSystem.ts). Installed on `globalThis` (or a vm context) as a
 * workbook of the given date system answers (1,462 in the 1900 system, 0 in the 1904 system: see
 * src/engine/dateSystems.ts), or one whose answer is an error, whose `Excel.run` fails, or whose
 * `Excel.run` never settles (as reported in office-js #1395 and #6150).
 */
export type StandInAnswer = "1900" | "1904" | "error" | "fails" | "hangs";

export interface StandInExcel {
  readonly Excel: { run: (batch: (context: unknown) => Promise<unknown>) => Promise<unknown> };
  /** How many times the workbook was asked. */
  readonly asked: () => number;
}

export function standInExcel(answer: StandInAnswer): StandInExcel {
  let asked = 0;
  const run = async (batch: (context: unknown) => Promise<unknown>): Promise<unknown> => {
    asked++;
    if (answer === "fails") throw new Error("RichApi.Error: the stand-in workbook is not available");
    if (answer === "hangs") return new Promise(() => undefined);
    const result = {
      value: answer === "1900" ? 1462 : answer === "1904" ? 0 : undefined,
      error: answer === "error" ? "#VALUE!" : undefined,
      load: () => result,
    };
    const context = { workbook: { functions: { date: () => result } }, sync: () => Promise.resolve() };
    return batch(context);
  };
  return { Excel: { run }, asked: () => asked };
}

/** Runs `body` with a stand-in `Excel` on globalThis, then removes it. */
export async function withStandInExcel<T>(answer: StandInAnswer, body: (excel: StandInExcel) => Promise<T> | T): Promise<T> {
  const excel = standInExcel(answer);
  const g = globalThis as { Excel?: unknown };
  const before = g.Excel;
  g.Excel = excel.Excel;
  try {
    return await body(excel);
  } finally {
    g.Excel = before;
  }
}

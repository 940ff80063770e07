/**
 * "Edits made in the sheet are read back, not wiped" (issue 11): every input-styled cell of every
 * built-in template's sheet (CellSpec.style "input", the finance convention's blue on yellow) is
 * either declared as a read-back input (SheetSpec.inputs: a cell, or a column of a table or list)
 * or listed below as not an input, with the reason. A new input cell that "Read from sheet" would
 * silently ignore fails here.
 */
import { buildModel, type ModelInputs } from "../../src/model/build";
import { YC_EXAMPLE_1 } from "../../src/model/pricedRoundInput";
import { builtInTemplates } from "../../src/templates";
import { parseRange } from "../../src/workbook/a1";
import type { SheetSpec } from "../../src/workbook/spec";

/**
 * Input-styled cells that are deliberately not read back: template id -> address -> reason.
 * Empty today: every input-styled cell is read back.
 */
const NOT_INPUTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {};

/** The input field (and column key) an address is declared as, or undefined. */
function declaredAs(sheet: SheetSpec, address: string): string | undefined {
  const at = parseRange(address)!;
  for (const input of sheet.inputs ?? []) {
    const r = parseRange(input.ref)!;
    if (at.top < r.top || at.top > r.bottom || at.left < r.left || at.left > r.right) continue;
    if (input.columns === undefined) return input.list === true || (r.top === r.bottom && r.left === r.right) ? input.field : undefined;
    const key = input.columns[at.left - r.left];
    if (key !== undefined) return `${input.field}.${key}`;
  }
  return undefined;
}

/** A priced round whose instruments table shows every optional column (a note's interest, a cap basis). */
const NOTE_ROUND: ModelInputs = {
  ...YC_EXAMPLE_1,
  instruments: [
    ...YC_EXAMPLE_1.instruments,
    {
      holder: "Note holder",
      type: "NOTE",
      amount: 100_000,
      cap: 6_000_000,
      discount: 0.2,
      mfn: true,
      interest: { rate: 0.05, startDate: "2023-01-15", conversionDate: "2024-06-30", dayCount: "ACT/365", compounding: "SIMPLE" },
      capBasis: "POOL",
    },
  ],
};

const cases: (readonly [string, ModelInputs])[] = [
  ...builtInTemplates().map((b) => [b.id, b.template.inputs as ModelInputs] as const),
  ["priced round with a note's interest and a cap basis", NOTE_ROUND],
];

test("the built-in templates cover every model kind", () => {
  expect(new Set(cases.map(([, input]) => input.kind))).toEqual(
    new Set(["stakeSale", "pricedRound", "exitWaterfall", "dealPricing", "capTableHistory"]),
  );
});

test.each(cases)("%s: every input-styled cell is read back, or listed as not an input with a reason", (id, input) => {
  for (const language of ["en", "fr"] as const) {
    const sheet = buildModel(input, { language }).sheet;
    const listed = NOT_INPUTS[id] ?? {};
    const notRead = sheet.cells
      .filter((c) => c.style === "input")
      .filter((c) => declaredAs(sheet, c.address) === undefined && listed[c.address] === undefined)
      .map((c) => `${c.address} (${JSON.stringify(c.value ?? c.formula)})`);
    expect(notRead).toEqual([]);
  }
});

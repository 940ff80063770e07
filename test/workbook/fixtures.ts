/** Hand-made sheet descriptions for the writer tests (independent of the model builders). */
import type { CellSpec, SheetSpec } from "../../src/workbook/spec";
import type { WriteModelRequest } from "../../src/workbook/officeWriter";

export const SMALL_SPEC: SheetSpec = {
  name: "OpCore deal",
  showGridlines: false,
  columns: [
    { column: "A", width: 2 },
    { column: "B", width: 40 },
    { column: "C", width: 16 },
    { column: "D", width: 16 },
  ],
  cells: [
    { address: "B2", value: "OpCore: 50% sold to InfraVia", style: "title" },
    { address: "B3", value: "EUR millions; inputs in blue", style: "subtitle" },
    { address: "B5", value: "Inputs", style: "section" },
    { address: "C5", value: null, style: "section" },
    { address: "D5", value: null, style: "section" },
    { address: "B6", value: "Enterprise value", style: "label" },
    { address: "C6", value: 860, format: "#,##0.0", style: "input" },
    { address: "B7", value: "Net debt", style: "label" },
    { address: "C7", value: 212.4375, format: "#,##0.0", style: "input" },
    { address: "B8", value: "Stake sold", style: "label" },
    { address: "C8", value: 0.5, format: "0.0%", style: "input" },
    { address: "B10", value: "Equity value", style: "total" },
    { address: "C10", formula: "=EV-NetDebt", expected: 647.5625, format: "#,##0.0", style: "total" },
    { address: "B11", value: "Price of the stake", style: "label" },
    { address: "C11", formula: "=C10*Stake", expected: 323.78125, format: "#,##0.0", style: "calc" },
    { address: "B13", value: "Holder", style: "header" },
    { address: "C13", value: "Before", style: "header" },
    { address: "D13", value: "After", style: "header" },
    { address: "B14", value: "Iliad" },
    { address: "C14", value: 1, format: "0%" },
    { address: "D14", formula: "=1-C8", format: "0%", expected: 0.5 },
    { address: "B15", value: "InfraVia" },
    { address: "C15", value: 0, format: "0%" },
    { address: "D15", formula: "=C8", format: "0%", expected: 0.5 },
    // Texts that Excel would otherwise read as formulas, numbers or dates.
    { address: "B17", value: '=HYPERLINK("http://x")', style: "note" },
    { address: "B18", value: "+33 1 23 45 67 89", style: "note" },
    { address: "B19", value: "-", style: "note" },
    { address: "B20", value: "@risk", style: "note" },
    { address: "B21", value: "00123", style: "note" },
    { address: "B22", value: true },
  ],
  names: [
    { name: "EV", ref: "C6", comment: "Enterprise value (100%)" },
    { name: "NetDebt", ref: "C7" },
    { name: "Stake", ref: "C8" },
    { name: "Ownership", ref: "B13:D15" },
  ],
  charts: [{ type: "clusteredColumn", title: "Ownership before and after", dataRange: "B13:D15", seriesBy: "columns", from: "F2", to: "M16" }],
};

/** A model sheet of about `cells` cells: a block of inputs and a column of formulas per row. */
export function largeSpec(rows: number, name = "Large model"): SheetSpec {
  const cells: CellSpec[] = [{ address: "A1", value: "Large model", style: "title" }];
  for (let r = 2; r < rows + 2; r++) {
    cells.push({ address: `A${r}`, value: `Line ${r}`, style: "label" });
    cells.push({ address: `B${r}`, value: r * 1.5, format: "#,##0.00", style: "input" });
    cells.push({ address: `C${r}`, value: r % 7, format: "0", style: "input" });
    cells.push({ address: `D${r}`, formula: `=B${r}*C${r}`, format: "#,##0.00", style: r % 10 === 0 ? "total" : "calc" });
  }
  return { name, cells, names: [{ name: "Inputs", ref: `B2:C${rows + 1}` }], columns: [{ column: "A", width: 30 }], showGridlines: false };
}

export function request(sheet: SheetSpec, id = "m-opcore-1", inputs: unknown = { company: "OpCore", stake: 0.5 }): WriteModelRequest {
  return { sheet, model: { id, kind: "stakeSale", schemaVersion: 1, inputs } };
}

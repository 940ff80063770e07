/**
 * The template document: a versioned, shareable description of a model.
 *
 *   {
 *     "format": "captable-template",   // says what the file is
 *     "version": 1,                     // the template format version (TEMPLATE_VERSION)
 *     "kind": "stakeSale",              // the model kind: picks the schema of "inputs"
 *     "title": "...", "description": "...",
 *     "inputs": { ...StakeSaleInput },  // src/model/stakeSaleInput.ts
 *     "toFill": [ { "field": "netDebt", "note": "Not public" } ],  // inputs that are unknowns
 *     "presentation": { "sheetName": null, "showGridlines": false, "chart": true }
 *   }
 *
 * One zod schema per kind, joined as a discriminated union on `kind`: the venture kinds
 * ("pricedRound", "exitWaterfall") are added as new members of `TEMPLATE_KINDS` without a new
 * format version (a version 1 reader that meets an unknown kind says so by name).
 * Every object is strict: an unknown field is an error, never silently dropped.
 *
 * Versions: version 1 is the first format that ships; nothing older exists. A change that an
 * older file would not satisfy bumps TEMPLATE_VERSION and adds a migration (migrations.ts).
 */
import { z } from "zod";
import { StakeSaleInput } from "../model/stakeSaleInput";
import { PricedRoundInput } from "../model/pricedRoundInput";
import { ExitWaterfallInput } from "../model/exitWaterfallInput";
import { DealPricingInput } from "../model/dealPricingInput";
import { CapTableHistoryInput } from "../model/capTableHistoryInput";
import { sheetNameRule } from "../workbook/sheetName";
import { ruleError, ruleIssue } from "../model/ruleMessages";

export const TEMPLATE_FORMAT = "captable-template";
/** The format version this code writes. Files of older versions are migrated; newer ones are refused. */
export const TEMPLATE_VERSION = 1;

export const TEMPLATE_LIMITS = { maxTitle: 100, maxDescription: 1000, maxNote: 300, maxToFill: 30 } as const;

// Every message is a rule of the one catalogue (src/model/ruleMessages.ts), so that it reads in French too.
const text = (field: "title" | "description" | "toFill note", max: number, required: boolean) =>
  z
    .string(ruleError("notText", { field }))
    .trim()
    .min(required ? 1 : 0, ruleError("required", { field }))
    .max(max, ruleError("tooLong", { field, max }));

/** Excel's rules for a sheet name, and no control character: the one rule, src/workbook/sheetName.ts. */
export const SheetName = z
  .string(ruleError("notText", { field: "sheet name" }))
  .trim()
  .superRefine((s, ctx) => {
    const rule = sheetNameRule(s);
    if (rule !== undefined) ctx.addIssue(ruleIssue("sheetName", { rule }, []));
  });

/** How the model sheet looks; the inputs and the maths do not depend on it. */
export const Presentation = z.strictObject({
  /** Desired sheet name; null: the model's own name (e.g. the company's). */
  sheetName: SheetName.nullable(),
  /** Show Excel's gridlines (finance sheets usually hide them). */
  showGridlines: z.boolean(ruleError("flag", { field: "showGridlines" })),
  /** Include the model's chart, where the model has one. */
  chart: z.boolean(ruleError("flag", { field: "chart" })),
});
export type Presentation = z.infer<typeof Presentation>;

export const DEFAULT_PRESENTATION: Presentation = { sheetName: null, showGridlines: false, chart: true };

/** A model kind's input fields, all but `kind`: what a template may mark "to fill" (a non-empty tuple, as z.enum takes). */
function inputFields<S extends { shape: Record<string, unknown> }>(schema: S) {
  type Field = Exclude<keyof S["shape"], "kind"> & string;
  return Object.keys(schema.shape).filter((k) => k !== "kind") as [Field, ...Field[]];
}

/** The inputs of a stake sale a template may mark "to fill". */
export const STAKE_SALE_FIELDS = inputFields(StakeSaleInput);

const toFillList = <F extends string>(fields: readonly [F, ...F[]]) =>
  z
    .array(
      z.strictObject({
        field: z.enum(
          fields,
          ruleError("toFillField", (input) => ({ fields, got: JSON.stringify(input) ?? "nothing" })),
        ),
        /** Why it is to fill, e.g. "Not public: illustrative value". */
        note: text("toFill note", TEMPLATE_LIMITS.maxNote, false),
      }),
      ruleError("notList", { list: "toFill" }),
    )
    .max(TEMPLATE_LIMITS.maxToFill, ruleError("tooMany", { list: "toFill", max: TEMPLATE_LIMITS.maxToFill }))
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        if (seen.has(entry.field)) ctx.addIssue(ruleIssue("toFillTwice", { field: entry.field }, [i, "field"]));
        seen.add(entry.field);
      });
    });

const common = {
  format: z.literal(TEMPLATE_FORMAT, { error: `format must be "${TEMPLATE_FORMAT}"` }),
  version: z.literal(TEMPLATE_VERSION, { error: `version must be ${TEMPLATE_VERSION}` }),
  title: text("title", TEMPLATE_LIMITS.maxTitle, true),
  description: text("description", TEMPLATE_LIMITS.maxDescription, false),
  presentation: Presentation,
};

/**
 * The template schema of one model kind: the fields every template has, the kind, the kind's input
 * schema, and the inputs it may mark "to fill". One shape for every kind.
 */
function templateOf<K extends string, S extends z.ZodType & { shape: Record<string, unknown> }>(kind: K, inputs: S) {
  return z.strictObject({ ...common, kind: z.literal(kind), inputs, toFill: toFillList(inputFields(inputs)) });
}

export const StakeSaleTemplate = templateOf("stakeSale", StakeSaleInput);
export type StakeSaleTemplate = z.infer<typeof StakeSaleTemplate>;

/** The inputs of an exit waterfall a template may mark "to fill". */
export const EXIT_WATERFALL_FIELDS = inputFields(ExitWaterfallInput);

export const ExitWaterfallTemplate = templateOf("exitWaterfall", ExitWaterfallInput);
export type ExitWaterfallTemplate = z.infer<typeof ExitWaterfallTemplate>;

/** The inputs of a priced round a template may mark "to fill". */
export const PRICED_ROUND_FIELDS = inputFields(PricedRoundInput);

export const PricedRoundTemplate = templateOf("pricedRound", PricedRoundInput);
export type PricedRoundTemplate = z.infer<typeof PricedRoundTemplate>;

/** The inputs of a deal-pricing model a template may mark "to fill". */
export const DEAL_PRICING_FIELDS = inputFields(DealPricingInput);

export const DealPricingTemplate = templateOf("dealPricing", DealPricingInput);
export type DealPricingTemplate = z.infer<typeof DealPricingTemplate>;

/** The inputs of a cap-table history a template may mark "to fill". */
export const CAP_TABLE_HISTORY_FIELDS = inputFields(CapTableHistoryInput);

export const CapTableHistoryTemplate = templateOf("capTableHistory", CapTableHistoryInput);
export type CapTableHistoryTemplate = z.infer<typeof CapTableHistoryTemplate>;

/** The model kinds a template can describe. New kinds are added here and to `Template`. */
export const TEMPLATE_KINDS = ["stakeSale", "exitWaterfall", "pricedRound", "dealPricing", "capTableHistory"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const Template = z.discriminatedUnion(
  "kind",
  [StakeSaleTemplate, ExitWaterfallTemplate, PricedRoundTemplate, DealPricingTemplate, CapTableHistoryTemplate],
  {
    error: `kind must be one of ${TEMPLATE_KINDS.map((k) => `"${k}"`).join(", ")}`,
  },
);
export type Template = z.infer<typeof Template>;

/** The model inputs of any template kind. */
export type TemplateInputs = Template["inputs"];
/** Fields that can be marked "to fill", for each kind. */
export type ToFill = Template["toFill"];

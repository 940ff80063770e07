/**
 * Every model kind in one place: its input schema, the version of its stored inputs, and its
 * builder. The taskpane, the command line and the templates pick a kind's builder here instead of
 * each keeping its own switch.
 */
import type { ZodType } from "zod";
import type { SheetSpec } from "../workbook/spec";
import { StakeSaleInput } from "./stakeSaleInput";
import { PricedRoundInput } from "./pricedRoundInput";
import { ExitWaterfallInput } from "./exitWaterfallInput";
import { buildStakeSaleModel } from "./stakeSaleModel";
import { buildPricedRoundModel } from "./pricedRoundModel";
import { buildExitWaterfallModel } from "./exitWaterfallModel";
import { DEFAULT_SHEET_LANGUAGE, type SheetLanguage } from "./sheetText";
import { DealPricingInput } from "./dealPricingInput";
import { buildDealPricingModel } from "./dealPricingModel";
import { CapTableHistoryInput } from "./capTableHistoryInput";
import { buildCapTableHistoryModel } from "./capTableHistoryModel";

/** The model kinds, in the order the taskpane offers them. */
export const MODEL_KINDS = ["stakeSale", "pricedRound", "exitWaterfall", "dealPricing", "capTableHistory"] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** The inputs of any model kind (discriminated by `kind`). */
export type ModelInputs = StakeSaleInput | PricedRoundInput | ExitWaterfallInput | DealPricingInput | CapTableHistoryInput;

/** What every model builder returns. */
export interface BuiltModel {
  readonly kind: ModelKind;
  readonly schemaVersion: number;
  readonly input: ModelInputs;
  readonly sheet: SheetSpec;
}

/** The model-input schema version each kind's builder reads (the `schemaVersion` of a stored model). */
export const MODEL_SCHEMA_VERSIONS: Readonly<Record<ModelKind, number>> = {
  stakeSale: 1,
  exitWaterfall: 1,
  pricedRound: 1,
  dealPricing: 1,
  capTableHistory: 1,
};

/** The input schema of each kind (validator and type). */
export const MODEL_INPUT_SCHEMAS: { readonly [K in ModelKind]: ZodType<Extract<ModelInputs, { kind: K }>> } = {
  stakeSale: StakeSaleInput,
  pricedRound: PricedRoundInput,
  exitWaterfall: ExitWaterfallInput,
  dealPricing: DealPricingInput,
  capTableHistory: CapTableHistoryInput,
};

export function isModelKind(kind: string): kind is ModelKind {
  return (MODEL_KINDS as readonly string[]).includes(kind);
}

/**
 * How a model's sheet is built, beside its inputs. Not stored: the stored model (its inputs, kind
 * and version: src/workbook/modelXml.ts) is the same whatever the options, so a model built in
 * French rebuilds in English and back.
 */
export interface BuildOptions {
  /** The language of every word on the sheet (src/model/sheetText.ts); English by default. */
  readonly language?: SheetLanguage;
}

/** Builds the model of any kind: validates (throws ZodError naming each field), computes, lays out its sheet in the language asked for. */
export function buildModel(inputs: ModelInputs, options: BuildOptions = {}): BuiltModel {
  const language = options.language ?? DEFAULT_SHEET_LANGUAGE;
  switch (inputs.kind) {
    case "stakeSale":
      return buildStakeSaleModel(inputs, language);
    case "pricedRound":
      return buildPricedRoundModel(inputs, language);
    case "exitWaterfall":
      return buildExitWaterfallModel(inputs, language);
    case "dealPricing":
      return buildDealPricingModel(inputs, language);
    case "capTableHistory":
      return buildCapTableHistoryModel(inputs, language);
  }
}

export type StoredInputCheck =
  | { ok: true; input: ModelInputs }
  | { ok: false; reason: "kind"; kind: string }
  | { ok: false; reason: "version"; version: number; expected: number }
  | {
      ok: false;
      reason: "invalid";
      /** The first issues, in English, each with its path (the command line's words). */
      errors: string[];
      /** The same issues as zod gives them (path, message, rule id and parameters), for another language's words. */
      issues: readonly StoredInputIssue[];
    };

/** An issue of stored inputs: where, and the schema's issue (its rule in `params`, src/model/ruleMessages.ts). */
export interface StoredInputIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Whether a stored model (kind, inputs version, inputs) can be read by this version: known kind, same version, inputs valid by the kind's schema. */
export function checkStoredModel(model: { kind: string; schemaVersion: number; inputs: unknown }): StoredInputCheck {
  if (!isModelKind(model.kind)) return { ok: false, reason: "kind", kind: model.kind };
  const expected = MODEL_SCHEMA_VERSIONS[model.kind];
  if (model.schemaVersion !== expected) return { ok: false, reason: "version", version: model.schemaVersion, expected };
  const result = MODEL_INPUT_SCHEMAS[model.kind].safeParse(model.inputs);
  if (result.success) return { ok: true, input: result.data };
  const issues = result.error.issues.slice(0, 10);
  return {
    ok: false,
    reason: "invalid",
    errors: issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)),
    issues,
  };
}

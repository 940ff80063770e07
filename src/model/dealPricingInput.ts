/**
 * The inputs of a deal-pricing model (issue 16: what a deal team models around a stake sale): one
 * zod schema that is both the validator (templates, the command line, the form) and the type.
 * Plain JSON data: amounts in the model's unit, percentages as fractions (8% = 0.08), dates as
 * ISO texts ("2025-04-04").
 *
 * - The price at completion is set by a locked box or by completion accounts (`mechanism`, an explicit
 *   choice shown on the sheet). The fields of the other mechanism must be null: a figure given and not
 *   used is an error, never silently ignored.
 * - Shareholder loans are given per holder at their balance on `loansDate`; PIK interest accrues from
 *   then to completion at `pikRate` (`pikCompounding`, actual/365), and the loans sell at accrued face
 *   value; the shares take the rest of the equity price (src/engine/deal/pricing.ts `priceSplit`).
 * - Dated flows (one row per holder, instrument, date and amount: negative paid, positive received)
 *   give one IRR per holder (XIRR) whatever the instruments it holds; the buyer's entry at completion
 *   is the equity it puts in (the plug of the sources and uses), added by the model.
 * Holder names are matched trimmed and case-insensitive, as the engine does (`holderKey`).
 */
import { z } from "zod";
import { COMPOUNDING_WORDS, CROSS_TERM_WORDS, DEAL_MECHANISM_WORDS, TICKER_BASE_WORDS, holderKey, type DealMechanism } from "../engine";
import { amount, choice, flag, list, modelHeader, nonNegative, optionalText, positive, text } from "./fields";
import { isoDate } from "./pricedRoundInput";
import { codePointName, xmlForbiddenAt } from "../workbook/xml";
import { type FieldName, ruleError, ruleIssue } from "./ruleMessages";

/** Limits of a deal-pricing model. */
export const DEAL_LIMITS = { maxPositions: 100, maxFlows: 2_000, maxComps: 100 } as const;

/** A yearly rate (a fraction) from 0 to 1000%. */
const rate = (field: FieldName) => nonNegative(field).refine((n) => n <= 10, ruleError("rateTooHigh", {}));

export const PositionInput = z.strictObject({
  holder: text("holder"),
  /** Shares held before the sale. */
  shares: nonNegative("shares"),
  /** Shareholder loans held, balance at the loans date (principal and interest accrued to then). */
  loans: nonNegative("loans"),
  sharesSold: nonNegative("shares sold"),
  /** Loans sold, balance at the loans date (they sell at that balance plus PIK to completion). */
  loansSold: nonNegative("loans sold"),
});
export type PositionInput = z.infer<typeof PositionInput>;

export const FlowInput = z.strictObject({
  holder: text("holder"),
  /** What the flow is on: "Shares", "Shareholder loan", "Preferred"… (shown; one IRR per holder across its instruments). */
  instrument: optionalText("instrument"),
  date: isoDate("flow date"),
  /** Negative when paid, positive when received. */
  amount: amount("flow amount"),
});
export type FlowInput = z.infer<typeof FlowInput>;

export const CompInput = z.strictObject({
  name: text("comp name"),
  ev: positive("comp EV"),
  /** EBITDA the EV is a multiple of; null when not public. */
  ebitda: positive("comp EBITDA").nullable(),
  /** Capacity (MW…); null when not given. */
  capacity: positive("comp capacity").nullable(),
  /** What the capacity counts ("built", "incl. under construction"…): per-unit multiples compare on the target's basis only. */
  basis: optionalText("comp basis").nullable(),
});
export type CompInput = z.infer<typeof CompInput>;

/** The longest note beside an input (a source with its address). */
export const NOTE_MAX = 300;

/** The input fields a note may be about (every field but the kind and the notes). */
export const NOTE_FIELDS = [
  "company",
  "currency",
  "unit",
  "seller",
  "buyer",
  "enterpriseValue",
  "capacity",
  "capacityUnit",
  "capacityBasis",
  "mechanism",
  "completionDate",
  "debtLike",
  "boxDate",
  "netDebtAtBox",
  "tickerRate",
  "tickerBase",
  "leakage",
  "permittedLeakage",
  "targetWorkingCapital",
  "estimatedNetDebt",
  "estimatedWorkingCapital",
  "finalNetDebt",
  "finalWorkingCapital",
  "escrow",
  "loansDate",
  "pikRate",
  "pikCompounding",
  "positions",
  "acquisitionDebt",
  "fees",
  "flows",
  "carryingAmount",
  "disposalCosts",
  "remeasureRetained",
  "entryEbitda",
  "exitEbitda",
  "exitMultiple",
  "exitNetDebt",
  "cashReturned",
  "crossTerm",
  "comps",
] as const;

/** A note shown beside an input on the sheet: where a public figure comes from, or why a figure is illustrative. */
export const InputNote = z.strictObject({
  field: z.enum(NOTE_FIELDS, ruleError("choice", { field: "note field", values: NOTE_FIELDS })),
  note: z
    .string(ruleError("notText", { field: "note" }))
    .trim()
    .min(1, ruleError("required", { field: "note" }))
    .max(NOTE_MAX, ruleError("tooLong", { field: "note", max: NOTE_MAX }))
    .superRefine((value, ctx) => {
      const at = xmlForbiddenAt(value);
      if (at >= 0) ctx.addIssue(ruleIssue("forbiddenChar", { field: "note", char: codePointName(value, at), position: at + 1 }, []));
    }),
});
export type InputNote = z.infer<typeof InputNote>;

/** Fields only a locked box uses, and only completion accounts use. */
export const LOCKED_BOX_FIELDS = ["boxDate", "netDebtAtBox", "tickerRate", "tickerBase", "leakage", "permittedLeakage"] as const;
export const COMPLETION_ACCOUNTS_FIELDS = [
  "targetWorkingCapital",
  "estimatedNetDebt",
  "estimatedWorkingCapital",
  "finalNetDebt",
  "finalWorkingCapital",
  "escrow",
] as const;

const FIELD_OF: Readonly<Record<(typeof LOCKED_BOX_FIELDS)[number] | (typeof COMPLETION_ACCOUNTS_FIELDS)[number], FieldName>> = {
  boxDate: "box date",
  netDebtAtBox: "net debt at the box",
  tickerRate: "ticker rate",
  tickerBase: "ticker base",
  leakage: "leakage",
  permittedLeakage: "permitted leakage",
  targetWorkingCapital: "target working capital",
  estimatedNetDebt: "estimated net debt",
  estimatedWorkingCapital: "estimated working capital",
  finalNetDebt: "final net debt",
  finalWorkingCapital: "final working capital",
  escrow: "escrow",
};

export const DealPricingInput = z
  .strictObject({
    ...modelHeader("dealPricing"),
    seller: text("seller"),
    buyer: text("buyer"),
    /** Enterprise value at 100% (the headline price). */
    enterpriseValue: positive("enterprise value"),
    /** Capacity at 100% (MW…), for EV per unit; null when none. */
    capacity: positive("capacity").nullable(),
    capacityUnit: text("capacity unit"),
    /** What the capacity counts (the basis tag per-unit comps are compared on). */
    capacityBasis: optionalText("capacity basis").nullable(),
    mechanism: choice(DEAL_MECHANISM_WORDS, "price mechanism"),
    completionDate: isoDate("completion date"),
    /** Debt-like items deducted from EV besides net debt (provisions, deferred capex…). */
    debtLike: nonNegative("debt-like items"),
    // Locked box (null with completion accounts)
    boxDate: isoDate("box date").nullable(),
    netDebtAtBox: amount("net debt at the box").nullable(),
    /** Ticker: simple yearly rate, actual/365, from the box date to completion. */
    tickerRate: rate("ticker rate").nullable(),
    tickerBase: choice(TICKER_BASE_WORDS, "ticker base").nullable(),
    leakage: nonNegative("leakage").nullable(),
    permittedLeakage: nonNegative("permitted leakage").nullable(),
    // Completion accounts (null with a locked box)
    targetWorkingCapital: amount("target working capital").nullable(),
    estimatedNetDebt: amount("estimated net debt").nullable(),
    estimatedWorkingCapital: amount("estimated working capital").nullable(),
    finalNetDebt: amount("final net debt").nullable(),
    finalWorkingCapital: amount("final working capital").nullable(),
    escrow: nonNegative("escrow").nullable(),
    // Shareholder loans and the price split
    loansDate: isoDate("loans date"),
    pikRate: rate("PIK rate"),
    pikCompounding: choice(COMPOUNDING_WORDS, "PIK compounding"),
    positions: list("positions", PositionInput, { min: 1, max: DEAL_LIMITS.maxPositions }),
    // The buyer's sources and uses
    acquisitionDebt: nonNegative("acquisition debt"),
    fees: nonNegative("fees"),
    // Returns
    flows: list("flows", FlowInput, { min: 1, max: DEAL_LIMITS.maxFlows }),
    // The seller's gain on disposal
    /** Carrying amount (book value) of the seller's whole interest before the sale. */
    carryingAmount: amount("carrying amount"),
    disposalCosts: nonNegative("disposal costs"),
    /** IFRS 10 loss of control: the part retained is remeasured at the deal's price (B98); otherwise it stays at its carrying amount. */
    remeasureRetained: flag("remeasure retained"),
    // Value creation bridge (100%)
    entryEbitda: positive("entry EBITDA"),
    exitEbitda: positive("exit EBITDA"),
    exitMultiple: positive("exit multiple"),
    exitNetDebt: amount("exit net debt"),
    cashReturned: amount("cash returned"),
    crossTerm: choice(CROSS_TERM_WORDS, "cross term"),
    // Comparable deals
    comps: list("comps", CompInput, { min: 1, max: DEAL_LIMITS.maxComps }),
    /** Notes beside the inputs (sources of public figures, why a figure is illustrative); at most one per field. */
    notes: list("notes", InputNote, { max: NOTE_FIELDS.length }),
  })
  .superRefine((d, ctx) => {
    // The mechanism's own fields are required; the other's must be empty (never given and ignored).
    const uses = (m: DealMechanism, fields: readonly (keyof typeof FIELD_OF)[]) => {
      for (const key of fields) {
        const used = d.mechanism === m;
        const given = d[key] !== null;
        if (used !== given) ctx.addIssue(ruleIssue("mechanismField", { field: FIELD_OF[key], mechanism: d.mechanism, used }, [key]));
      }
    };
    uses("LOCKED_BOX", LOCKED_BOX_FIELDS);
    uses("COMPLETION_ACCOUNTS", COMPLETION_ACCOUNTS_FIELDS);
    if (d.leakage !== null && d.permittedLeakage !== null && d.permittedLeakage > d.leakage)
      ctx.addIssue(ruleIssue("permittedExceedsLeakage", {}, ["permittedLeakage"]));
    if (d.boxDate !== null && d.completionDate < d.boxDate)
      ctx.addIssue(ruleIssue("dateNotBefore", { field: "completion date", other: "box date" }, ["completionDate"]));
    if (d.completionDate < d.loansDate)
      ctx.addIssue(ruleIssue("dateNotBefore", { field: "completion date", other: "loans date" }, ["completionDate"]));
    if (d.boxDate !== null && d.boxDate < d.loansDate)
      ctx.addIssue(ruleIssue("dateNotBefore", { field: "box date", other: "loans date" }, ["boxDate"]));

    const noted = new Set<string>();
    d.notes.forEach((n, i) => {
      if (noted.has(n.field)) ctx.addIssue(ruleIssue("duplicate", { list: "notes", name: n.field }, ["notes", i, "field"]));
      noted.add(n.field);
    });

    // Positions: one row per holder; what is sold is held; the seller is one of them and sells something.
    const keys = new Set<string>();
    d.positions.forEach((p, i) => {
      const key = holderKey(p.holder);
      if (keys.has(key)) ctx.addIssue(ruleIssue("duplicate", { list: "positions", name: p.holder }, ["positions", i, "holder"]));
      keys.add(key);
      if (p.sharesSold > p.shares) ctx.addIssue(ruleIssue("soldExceedsHeld", { holder: p.holder, what: "shares" }, ["positions", i, "sharesSold"]));
      if (p.loansSold > p.loans) ctx.addIssue(ruleIssue("soldExceedsHeld", { holder: p.holder, what: "loans" }, ["positions", i, "loansSold"]));
    });
    if (d.positions.every((p) => p.shares === 0)) ctx.addIssue(ruleIssue("noShares", { list: "positions" }, ["positions"]));
    if (!keys.has(holderKey(d.seller))) ctx.addIssue(ruleIssue("sellerNotHolder", { seller: d.seller }, ["seller"]));
    if (holderKey(d.buyer) === holderKey(d.seller)) ctx.addIssue(ruleIssue("buyerIsSeller", {}, ["buyer"]));

    // Flows: every holder's flows can give an IRR (XIRR needs a paid and a received amount); the buyer's entry is at completion.
    const signs = new Map<string, { holder: string; paid: boolean; received: boolean }>();
    const buyerKey = holderKey(d.buyer);
    signs.set(buyerKey, { holder: d.buyer, paid: true, received: false });
    d.flows.forEach((f, i) => {
      const key = holderKey(f.holder);
      const s = signs.get(key) ?? { holder: f.holder, paid: false, received: false };
      if (f.amount < 0) s.paid = true;
      if (f.amount > 0) s.received = true;
      signs.set(key, s);
      if (key === buyerKey && f.date < d.completionDate)
        ctx.addIssue(ruleIssue("flowBeforeCompletion", { holder: f.holder, row: i + 1 }, ["flows", i, "date"]));
    });
    for (const [key, s] of signs)
      if (!s.paid || !s.received) ctx.addIssue(ruleIssue("flowsSigns", { holder: s.holder, buyer: key === buyerKey }, ["flows"]));
  });
export type DealPricingInput = z.infer<typeof DealPricingInput>;

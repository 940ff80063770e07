/**
 * The inputs of a stake-sale model: one zod schema that is both the validator (taskpane fields,
 * templates, the command line) and the TypeScript type. Plain JSON data: numbers as JS numbers
 * (converted to Decimal by the model builder), percentages as fractions (50% = 0.5).
 *
 * Deal structures (`transaction`):
 * - "secondary": the buyer acquires `stake` of the equity from the seller (a strip: shares and
 *   shareholder loans); shares transferred = stake x total shares, rounded by `rounding`, and the
 *   seller must hold them; price = the engine's stake price: stake x equity value x (1 + premium),
 *   loans at face value, the shares taking the rest.
 * - "primary": the buyer subscribes new shares that are `stake` of the shares after the issue
 *   (new shares = stake / (1 - stake) x shares before, rounded by `rounding`), at a price per new
 *   share = (equity value x (1 + premium) - shareholder loans) / shares before, i.e. what the
 *   shares of a 100% strip fetch at the deal price (premium 0: share equity / shares); the cash
 *   stays in the company (net debt falls by it, EV is unchanged). The price must be positive.
 * - "both": the secondary of `stake` from the seller, then the buyer also invests
 *   `primaryInvestment` in new shares at the same price per new share (new shares =
 *   investment / price, rounded by `rounding`; the cash is new shares x price).
 * A primary issue has no seller: `seller` may be empty; a name given anyway (the built-in capital-
 * increase template carries "Founders") is shown on the sheet as not used in a primary issue,
 * never silently dropped and never refused (stored templates keep loading).
 * Holder names are matched trimmed and case-insensitive, as the engine does (`holderKey`).
 */
import { z } from "zod";
import { BASIS_WORDS, Decimal, ROUNDING_WORDS, TRANSACTION_WORDS, holderKey, roundShares } from "../engine";
import { amount, capTableList, checkCapTable, choice, modelHeader, nonNegative, optionalText, text } from "./fields";
import { ruleError, ruleIssue } from "./ruleMessages";

// Shared field schemas, re-exported here where the other models and the taskpane first found them.
export { CURRENCY_UNITS, HoldingInput, LIMITS, type CurrencyUnit } from "./fields";

export const StakeSaleInput = z
  .strictObject({
    ...modelHeader("stakeSale"),
    basis: choice(BASIS_WORDS, "basis"),
    /** Headline valuation at 100%, on `basis`. */
    valuation: amount("valuation"),
    /** Third-party financial debt less cash, excluding shareholder loans. */
    netDebt: amount("net debt"),
    shareholderLoans: nonNegative("shareholder loans"),
    otherClaims: amount("other claims"),
    stake: amount("stake").refine(
      (n) => n >= 0 && n <= 1,
      ruleError("stakeRange", (input) => ({ got: input as number })),
    ),
    /** Control premium (> 0) or minority discount (< 0). */
    premium: amount("premium").refine((n) => n > -1, ruleError("premiumRange", {})),
    /** Capacity (MW, beds, ...) at 100%, or null. */
    capacity: amount("capacity")
      .refine((n) => n > 0, ruleError("capacityPositive", {}))
      .nullable(),
    capacityUnit: text("capacity unit"),
    capTable: capTableList(),
    transaction: choice(TRANSACTION_WORDS, "transaction"),
    /**
     * The holder selling (secondary and both: required, one of the holders). A primary issue has no
     * seller: empty, or a name kept from another deal, which the sheet shows as not used (never
     * checked against the holders, so that no stored template stops loading).
     */
    seller: optionalText("seller"),
    buyer: text("buyer"),
    /** New money from the buyer (both); must be 0 otherwise (a value that would be ignored is refused). */
    primaryInvestment: nonNegative("primary investment"),
    rounding: choice(ROUNDING_WORDS, "rounding"),
    /** Write native Excel formulas (default) or =CAPTABLE.* calls. */
    formulas: z.enum(["native", "captable"], ruleError("choice", { field: "formulas", values: ["native", "captable"] })),
  })
  .superRefine((m, ctx) => {
    const keys = checkCapTable(m.capTable, ctx);
    const has = (name: string) => keys.has(holderKey(name));
    if (m.transaction !== "primary" && m.seller === "") {
      ctx.addIssue(ruleIssue("required", { field: "seller" }, ["seller"]));
    } else if (m.transaction !== "primary" && !has(m.seller)) {
      ctx.addIssue(ruleIssue("sellerNotHolder", { seller: m.seller }, ["seller"]));
    }
    if (m.transaction !== "primary" && holderKey(m.seller) === holderKey(m.buyer)) {
      ctx.addIssue(ruleIssue("buyerIsSeller", {}, ["buyer"]));
    }
    // Given and then ignored would be silently wrong: only "both" invests a separate amount.
    if (m.transaction !== "both" && m.primaryInvestment !== 0) {
      ctx.addIssue(ruleIssue("primaryInvestmentUnused", { transaction: m.transaction }, ["primaryInvestment"]));
    }
    if (m.transaction === "primary" && m.stake >= 1) {
      ctx.addIssue(ruleIssue("primaryStakeTooBig", {}, ["stake"]));
    }
    // The seller must hold the shares it sells: stake x all shares, rounded by the policy.
    const total = m.capTable.reduce((t, h) => t.plus(new Decimal(h.shares)), new Decimal(0));
    const seller = m.capTable.find((h) => holderKey(h.holder) === holderKey(m.seller));
    if (m.transaction !== "primary" && seller !== undefined && total.gt(0)) {
      const needed = roundShares(new Decimal(m.stake).times(total), m.rounding);
      if (needed.gt(seller.shares)) {
        const short = { stake: m.stake, needed: needed.toString(), seller: seller.holder, held: new Decimal(seller.shares).toString() };
        ctx.addIssue(ruleIssue("sellerShort", short, ["stake"]));
      }
    }
    // New shares need a positive price: the whole equity at the deal price must exceed the loans.
    if (m.transaction !== "secondary" && total.gt(0)) {
      const equity = m.basis === "EV" ? new Decimal(m.valuation).minus(m.netDebt).minus(m.otherClaims) : new Decimal(m.valuation);
      const forShares = equity.times(new Decimal(1).plus(m.premium)).minus(m.shareholderLoans);
      if (forShares.lte(0)) {
        ctx.addIssue(ruleIssue("nothingForShares", {}, ["valuation"]));
      }
    }
  });
export type StakeSaleInput = z.infer<typeof StakeSaleInput>;

/** The motivating case, with its public figures; net debt and shareholder loans are illustrative assumptions to replace. */
export const OPCORE_EXAMPLE: StakeSaleInput = {
  kind: "stakeSale",
  company: "OpCore",
  currency: "EUR",
  unit: "units",
  basis: "EV",
  valuation: 860_000_000,
  netDebt: 212_437_519.36,
  shareholderLoans: 148_250_000,
  otherClaims: 0,
  stake: 0.5,
  premium: 0,
  capacity: 131,
  capacityUnit: "MW",
  capTable: [{ holder: "Iliad", shares: 1_000_000 }],
  transaction: "secondary",
  seller: "Iliad",
  buyer: "InfraVia",
  primaryInvestment: 0,
  rounding: "DOWN",
  formulas: "native",
};

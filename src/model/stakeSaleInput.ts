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
import { currencyUnit, HoldingInput, LIMITS, amount, checkCapTable, choice, text } from "./fields";

const pct = (n: number) => `${Number((n * 100).toPrecision(12))}%`;

// Shared field schemas, re-exported here where the other models and the taskpane first found them.
export { CURRENCY_UNITS, HoldingInput, LIMITS, type CurrencyUnit } from "./fields";

export const StakeSaleInput = z
  .strictObject({
    kind: z.literal("stakeSale"),
    company: text("company"),
    /** ISO 4217 code, e.g. "EUR". */
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "currency must be a three-letter code such as EUR" }),
    /** The unit amounts are entered in. */
    unit: currencyUnit(),
    basis: choice(BASIS_WORDS, "basis"),
    /** Headline valuation at 100%, on `basis`. */
    valuation: amount("valuation"),
    /** Third-party financial debt less cash, excluding shareholder loans. */
    netDebt: amount("net debt"),
    shareholderLoans: amount("shareholder loans").refine((n) => n >= 0, { error: "shareholder loans must not be negative" }),
    otherClaims: amount("other claims"),
    stake: amount("stake").refine((n) => n >= 0 && n <= 1, { error: (iss) => `stake must be between 0% and 100%, got ${pct(iss.input as number)}` }),
    /** Control premium (> 0) or minority discount (< 0). */
    premium: amount("premium").refine((n) => n > -1, { error: "premium must be greater than -100%" }),
    /** Capacity (MW, beds, ...) at 100%, or null. */
    capacity: amount("capacity")
      .refine((n) => n > 0, { error: "capacity must be greater than 0" })
      .nullable(),
    capacityUnit: text("capacity unit"),
    capTable: z
      .array(HoldingInput, { error: "cap table must be a list of holders" })
      .min(1, { error: "cap table must list at least one holder" })
      .max(LIMITS.maxHolders, { error: `cap table must have at most ${LIMITS.maxHolders} holders` }),
    transaction: choice(TRANSACTION_WORDS, "transaction"),
    /**
     * The holder selling (secondary and both: required, one of the holders). A primary issue has no
     * seller: empty, or a name kept from another deal, which the sheet shows as not used (never
     * checked against the holders, so that no stored template stops loading).
     */
    seller: z
      .string({ error: "seller must be a text" })
      .trim()
      .max(LIMITS.maxText, { error: `seller must be at most ${LIMITS.maxText} characters` }),
    buyer: text("buyer"),
    /** New money from the buyer (both); must be 0 otherwise (a value that would be ignored is refused). */
    primaryInvestment: amount("primary investment").refine((n) => n >= 0, { error: "primary investment must not be negative" }),
    rounding: choice(ROUNDING_WORDS, "rounding"),
    /** Write native Excel formulas (default) or =CAPTABLE.* calls. */
    formulas: z.enum(["native", "captable"], { error: 'formulas must be "native" or "captable"' }),
  })
  .superRefine((m, ctx) => {
    const keys = checkCapTable(m.capTable, ctx);
    const has = (name: string) => keys.has(holderKey(name));
    if (m.transaction !== "primary" && m.seller === "") {
      ctx.addIssue({ code: "custom", path: ["seller"], message: "seller is required" });
    } else if (m.transaction !== "primary" && !has(m.seller)) {
      ctx.addIssue({ code: "custom", path: ["seller"], message: `seller "${m.seller}" must be one of the holders` });
    }
    if (m.transaction !== "primary" && holderKey(m.seller) === holderKey(m.buyer)) {
      ctx.addIssue({ code: "custom", path: ["buyer"], message: "buyer must differ from the seller" });
    }
    // Given and then ignored would be silently wrong: only "both" invests a separate amount.
    if (m.transaction !== "both" && m.primaryInvestment !== 0) {
      ctx.addIssue({
        code: "custom",
        path: ["primaryInvestment"],
        message: `primary investment applies only when transaction is "both" (a ${m.transaction === "primary" ? "primary issue is sized by the stake" : "secondary sale invests nothing"}): set it to 0 or choose "both"`,
      });
    }
    if (m.transaction === "primary" && m.stake >= 1) {
      ctx.addIssue({ code: "custom", path: ["stake"], message: "stake after a primary issue must be below 100%" });
    }
    // The seller must hold the shares it sells: stake x all shares, rounded by the policy.
    const total = m.capTable.reduce((t, h) => t.plus(new Decimal(h.shares)), new Decimal(0));
    const seller = m.capTable.find((h) => holderKey(h.holder) === holderKey(m.seller));
    if (m.transaction !== "primary" && seller !== undefined && total.gt(0)) {
      const needed = roundShares(new Decimal(m.stake).times(total), m.rounding);
      if (needed.gt(seller.shares)) {
        ctx.addIssue({
          code: "custom",
          path: ["stake"],
          message: `stake of ${pct(m.stake)} is ${needed.toString()} shares but seller "${seller.holder}" holds ${new Decimal(seller.shares).toString()}`,
        });
      }
    }
    // New shares need a positive price: the whole equity at the deal price must exceed the loans.
    if (m.transaction !== "secondary" && total.gt(0)) {
      const equity = m.basis === "EV" ? new Decimal(m.valuation).minus(m.netDebt).minus(m.otherClaims) : new Decimal(m.valuation);
      const forShares = equity.times(new Decimal(1).plus(m.premium)).minus(m.shareholderLoans);
      if (forShares.lte(0)) {
        ctx.addIssue({
          code: "custom",
          path: ["valuation"],
          message: "valuation leaves nothing for the shares: new shares need equity value x (1 + premium) above the shareholder loans",
        });
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

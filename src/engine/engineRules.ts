/**
 * The engine's message catalogue (issue 15), in the pattern of the model schemas' catalogue
 * (src/model/ruleMessages.ts, after zod's locales): every rule the engine checks has an id and its
 * parameters (`EngineRuleParams`), `EngineError.rule` carries both, and each language has one message
 * function per id (`EngineRuleMessages`, so a language missing an id does not compile).
 *
 * English is written here, once (`ENGINE_RULES_EN`): the text of `EngineError.message`, which the
 * custom functions' cells, the command line and the English taskpane show. French is a catalogue of
 * its own (src/locales/engineMessagesFr.ts, used by the taskpane), made from the id and the parameters,
 * never from the English text, and kept out of the functions bundle.
 *
 * Arguments are named as the functions' help names them (`ArgName`, "pre_money"), or as a field of
 * one row ("shares of "Alice"", `Subject`), so each language can name them in its own words.
 */
import { EngineError, type EngineErrorKind } from "./errors";

/** The arguments and fields the engine's rules name, in the English of the functions' help. */
export const ARG_NAMES = [
  "amount",
  "as_of",
  "basic_shares",
  "box_date",
  "cap",
  "capacity",
  "capitalization",
  "completion_date",
  "conversion ratio",
  "conversion price",
  "conversion_date",
  "conversion_price",
  "costs",
  "dates",
  "discount",
  "ebitda",
  "escrow",
  "exit_value",
  "fully_diluted_shares",
  "guess",
  "interest_rate",
  "invested",
  "investment",
  "leakage",
  "Loans",
  "Loans sold",
  "money_received",
  "new_price",
  "new_shares",
  "options",
  "original issue price",
  "original_issue_price",
  "ownership",
  "permitted_leakage",
  "pool_increase",
  "pool_target",
  "pre_money",
  "preference multiple",
  "premium",
  "price_per_share",
  "principal",
  "probabilities",
  "rate",
  "retained_fair_value",
  "retention",
  "round_price",
  "round_size",
  "share_price",
  "shareholder_loans",
  "shares",
  "Shares",
  "shares sold",
  "Shares sold",
  "shares_outstanding",
  "shares_sold",
  "sources: Amount",
  "stake",
  "stake_sold",
  "start_date",
  "strike",
  "strikes",
  "target",
  "target_multiple",
  "target_stake",
  "tender_price",
  "transaction_costs",
  "uses: Amount",
  "years",
  "dividend_rate",
  "issue_date",
  "to_date",
  "exit_equity",
  "entry_date",
  "exit_date",
  "management_share",
  "tiers",
] as const;
export type ArgName = (typeof ARG_NAMES)[number];

/** Whose field an argument is: a named row, a share class, an instrument, an investor, a seller, a numbered row. */
export type Owner =
  | { readonly item: string }
  | { readonly className: string }
  | { readonly instrument: string }
  | { readonly investor: string }
  | { readonly seller: string }
  | { readonly row: number };

/** What a rule is about: an argument, or the field of one row ("shares of "Alice""). */
export type Subject = ArgName | { readonly arg: ArgName; readonly of: Owner };

/** The lists the engine's rules name. */
export type EngineList = "holders" | "holdings" | "sellers" | "classes" | "shareClasses" | "investors" | "antidilutionClasses";

/** A class or a holder followed by a solver ("class "A"", "holder "Fund""). */
export type Who = { readonly className: string } | { readonly holder: string };

/** Where a result too large for a cell was going. */
export type CellWhat =
  { readonly result: true } | { readonly address: string } | { readonly row: number; readonly address: string } | { readonly check: string };

/** An event of a cap-table history, as its rules name it first. */
interface AtEvent {
  readonly event: string;
  readonly date: string;
}
/** Vesting terms, as their rules name them first. */
interface AtTerms {
  readonly terms: string;
}

/** One value against its range: the subject and the value as the message prints it (a percentage for fractions: "130"). */
interface ValueParams {
  readonly subject: Subject;
  readonly got: string;
}

/** Every rule of the engine, by id, with its parameters. Amounts are exact decimal strings as messages print them. */
export interface EngineRuleParams {
  // Single values (src/engine/rules.ts)
  nonNegative: ValueParams;
  positive: ValueParams;
  fraction: ValueParams;
  positiveFraction: ValueParams;
  fractionBelowOne: ValueParams;
  premium: ValueParams;
  aboveMinus100: ValueParams;
  tooLargeForCell: { what: CellWhat; value: string };
  // Lists and names
  listEmpty: { list: EngineList };
  nameMissing: { list: EngineList; row: number };
  holderEmpty: { row: number };
  notUnique: { list: EngineList; name: string };
  nameEmpty: { role: "buyer" | "investor" };
  sharesAllZero: { ownership: boolean };
  // Cap table (src/engine/capTable.ts, src/engine/capitalIncrease.ts, src/engine/venture/secondary.ts)
  sellerNotHolder: { seller: string };
  buyerIsSeller: { seller: string; sellers: boolean };
  sharesSoldExceed: { seller: string; held: string; sold: string };
  sharesSoldByExceed: { seller: string; held: string; sold: string };
  noSharesForStake: Record<string, never>;
  // Priced round (src/engine/venture/round.ts, instruments.ts, roundAntiDilution.ts)
  instrumentNoHolder: { row: number };
  poolRows: Record<string, never>;
  noSharesBeforeRound: Record<string, never>;
  conversionUnsettled: Record<string, never>;
  roundOverOwned: { antiDilution: boolean };
  serialDate: { subject: Subject; got: number };
  conversionBeforeStart: Record<string, never>;
  capitalizationRequired: { explained: boolean };
  investmentAtCap: Record<string, never>;
  antidilutionNotHolder: { className: string };
  antidilutionRowMismatch: { className: string; before: string; held: string };
  // Anti-dilution (src/engine/venture/antiDilution.ts)
  noWeightedAverage: Record<string, never>;
  conversionPriceWithoutOip: { className: string };
  // Waterfall (src/engine/venture/waterfall.ts, solvers.ts)
  seniorityWhole: { className: string; got: number };
  strikeAndPreference: { className: string };
  capMissing: { className: string };
  capBelowPreference: { className: string; got: string };
  classesNoShares: Record<string, never>;
  residualUnshared: Record<string, never>;
  holdingUnknownClass: { className: string };
  holdingsExceed: { className: string; held: string; shares: string };
  whoNotClass: { className: string };
  whoNotHolder: { holder: string };
  noInvested: { who: Who };
  payoutUnreachable: { who: Who; payout: string; max: string };
  ownershipTooHigh: { got: string };
  // Deal pricing (src/engine/deal/)
  dateBefore: { end: ArgName; start: ArgName; days: number };
  loansExceedEquityAtBox: { loans: string; equity: string };
  loansWithoutShareTicker: Record<string, never>;
  tickerBoth: Record<string, never>;
  loansRequiredForShares: Record<string, never>;
  permittedExceedsLeakage: { permitted: string; leakage: string };
  escrowExceedsPrice: { escrow: string; price: string };
  paymentBeforeCompletion: { payment: number; days: number };
  soldExceeds: { what: "shares" | "loans"; holder: string; sold: string; held: string };
  holdingsNoShares: Record<string, never>;
  loansExceedPrice: { loans: string; price: string };
  noQuartileValues: Record<string, never>;
  noMultiples: Record<string, never>;
  notDates: { subject: ArgName; got: number };
  beforeFirstDate: { subject: ArgName; day: number; origin: number; position: number };
  tooFewFlows: { got: number };
  noFlows: Record<string, never>;
  flowsSameDate: Record<string, never>;
  flowsOneSign: Record<string, never>;
  irrTooLarge: Record<string, never>;
  noIrr: Record<string, never>;
  sourcesExceedUses: { sources: string; uses: string };
  retainedAtFullSale: Record<string, never>;
  // Cap-table history (src/engine/history/)
  asOfDate: { got: string };
  eventDate: AtEvent & { got: string };
  eventIdTwice: AtEvent;
  issuedTwice: AtEvent & { security: string };
  holderUnknown: AtEvent & { holder: string };
  classUnknown: AtEvent & { className: string };
  planUnknown: AtEvent & { plan: string };
  stockNeedsClass: AtEvent;
  issuanceNeedsSize: AtEvent & { convertible: boolean };
  quantityNegative: AtEvent & { got: string };
  securityNotIssued: AtEvent & { security: string };
  securityIssuedLater: AtEvent & { security: string; issued: string };
  resultNeverIssued: AtEvent & { security: string };
  resultIssuedOtherDate: AtEvent & { security: string; issued: string };
  resultsFromItself: AtEvent & { security: string };
  resultsFromTwo: AtEvent & { security: string };
  splitRatio: AtEvent & { got: string };
  notOutstanding: AtEvent & { security: string };
  alreadyClosed: AtEvent & { security: string; by: string };
  actsOnMore: AtEvent & { quantity: string; security: string; held: string };
  noBalanceSecurity: AtEvent & { quantity: string; security: string; held: string; remaining: string };
  securitiesLoop: { security: string };
  roundBeforeTable: { round: string; table: string };
  planOverGranted: { plan: string; excess: string };
  conditionUnknown: AtTerms & { condition: string };
  conditionCycle: AtTerms & { condition: string };
  periodNotWhole: AtTerms & { condition: string; unit: "MONTHS" | "DAYS" };
  occurrencesNotWhole: AtTerms & { condition: string };
  occurrencesTooMany: AtTerms & { condition: string; got: number };
  portionOrQuantity: AtTerms & { condition: string };
  tranchesNotMultiples: AtTerms & { allocation: string };
  // Deal returns per holder (src/engine/deal/holders.ts): a holder's flows broke a rule of the returns.
  holderFlows: { holder: string; rule: EngineRuleRef };
  // Ratchets (src/engine/deal/incentives.ts)
  ratchetHurdlesRise: { position: number };
  ratchetShareRange: { position: number; got: string; below: string };
  ratchetUnreachable: { position: number };
}
export type EngineRuleId = keyof EngineRuleParams;

/** One language's engine messages: a function per rule id (a missing id is a compile error). */
export type EngineRuleMessages = { readonly [K in EngineRuleId]: (p: EngineRuleParams[K]) => string };

/** A rule as an `EngineError` carries it. */
export interface EngineRuleRef<K extends EngineRuleId = EngineRuleId> {
  readonly id: K;
  readonly params: EngineRuleParams[K];
}

/** The English of an owner, after its field: `of "Alice"`, `of class "A"`, `(row 2)`. */
function ownerEn(of: Owner): string {
  if ("item" in of) return `of "${of.item}"`;
  if ("className" in of) return `of class "${of.className}"`;
  if ("instrument" in of) return `of instrument "${of.instrument}"`;
  if ("investor" in of) return `of investor "${of.investor}"`;
  if ("seller" in of) return `by "${of.seller}"`;
  return `(row ${of.row})`;
}

/** A subject in English: "pre_money", "shares of "Alice"". */
export function subjectEn(s: Subject): string {
  return typeof s === "string" ? s : `${s.arg} ${ownerEn(s.of)}`;
}

const whoEn = (w: Who): string => ("className" in w ? `class "${w.className}"` : `holder "${w.holder}"`);

const cellWhatEn = (w: CellWhat): string =>
  "result" in w
    ? "a result"
    : "check" in w
      ? `check ${w.check}`
      : "row" in w
        ? `the value at row ${w.row} of the table at ${w.address}`
        : `the value at ${w.address}`;

/** The English of the single-value rules, by the name as text: also used by the cells' readers with their own argument names. */
export const VALUE_RULES_EN = {
  nonNegative: (name: string, got: string) => `${name} must not be negative, got ${got}`,
  positive: (name: string, got: string) => `${name} must be greater than 0, got ${got}`,
  fraction: (name: string, got: string) => `${name} must be between 0% and 100%, got ${got}%`,
  positiveFraction: (name: string, got: string) => `${name} must be greater than 0% and at most 100%, got ${got}%`,
  fractionBelowOne: (name: string, got: string) => `${name} must be at least 0% and below 100%, got ${got}%`,
  premium: (name: string, got: string) => `${name} must be greater than -100% (a discount of 100% or more leaves nothing to pay), got ${got}%`,
};

const LIST_EN: Readonly<Record<EngineList, { name: string; item: string }>> = {
  holders: { name: "holders", item: "holder" },
  holdings: { name: "holdings", item: "holder" },
  sellers: { name: "sellers", item: "seller" },
  classes: { name: "classes", item: "class" },
  shareClasses: { name: "classes", item: "share class" },
  investors: { name: "investors", item: "investor" },
  antidilutionClasses: { name: "antidilution classes", item: "class" },
};

const atEvent = (p: AtEvent): string => `event "${p.event}" (${p.date}): `;
const atTerms = (p: AtTerms): string => `vesting terms "${p.terms}": `;

/** The English messages: the engine's one wording of each rule. */
export const ENGINE_RULES_EN: EngineRuleMessages = {
  nonNegative: (p) => VALUE_RULES_EN.nonNegative(subjectEn(p.subject), p.got),
  positive: (p) => VALUE_RULES_EN.positive(subjectEn(p.subject), p.got),
  fraction: (p) => VALUE_RULES_EN.fraction(subjectEn(p.subject), p.got),
  positiveFraction: (p) => VALUE_RULES_EN.positiveFraction(subjectEn(p.subject), p.got),
  fractionBelowOne: (p) => VALUE_RULES_EN.fractionBelowOne(subjectEn(p.subject), p.got),
  premium: (p) => VALUE_RULES_EN.premium(subjectEn(p.subject), p.got),
  aboveMinus100: (p) => `${subjectEn(p.subject)} must be greater than -100%, got ${p.got}%`,
  tooLargeForCell: (p) => `${cellWhatEn(p.what)} is too large for a cell (${p.value})`,

  listEmpty: (p) => `${LIST_EN[p.list].name} must list at least one ${LIST_EN[p.list].item}`,
  nameMissing: (p) => `${LIST_EN[p.list].name} must have a name (row ${p.row})`,
  holderEmpty: (p) => `holders must not be empty (row ${p.row})`,
  notUnique: (p) => `${LIST_EN[p.list].name} must be unique: "${p.name}" appears more than once`,
  nameEmpty: (p) => `${p.role} must be a holder's name, got an empty text`,
  sharesAllZero: (p) => (p.ownership ? "shares must not all be zero: ownership needs a positive total" : "shares must not all be zero"),

  sellerNotHolder: (p) => `seller "${p.seller}" is not one of the holders`,
  buyerIsSeller: (p) => `buyer must differ from the seller${p.sellers ? "s" : ""}, both are "${p.seller}"`,
  sharesSoldExceed: (p) => `shares_sold must not exceed the seller's holding: "${p.seller}" holds ${p.held}, got ${p.sold}`,
  sharesSoldByExceed: (p) => `shares sold by "${p.seller}" must not exceed its holding of ${p.held}, got ${p.sold}`,
  noSharesForStake: () => "there are no shares before or after the issue, so no stake can be computed",

  instrumentNoHolder: (p) => `instruments must name a holder (row ${p.row})`,
  poolRows: () => "holders must have at most one unissued pool row",
  noSharesBeforeRound: () => "shares must add up to more than 0 before the round",
  conversionUnsettled: () => "the conversion terms did not settle (please report this case)",
  roundOverOwned: (p) =>
    `the SAFEs and notes, the pool target${p.antiDilution ? ", the anti-dilution adjustments" : ""} and the new money would own 100% or more of the company: lower the amounts or raise the caps or the pre-money`,
  serialDate: (p) => `${subjectEn(p.subject)} must be a date (a whole Excel day number from 1900-03-01 to 9999-12-31), got ${p.got}`,
  conversionBeforeStart: () => "conversion_date must not be before start_date",
  capitalizationRequired: (p) => `capitalization is required with a cap${p.explained ? ": the cap price is cap / capitalization" : ""}`,
  investmentAtCap: () => "investment must be below the post-money cap (it would own 100% or more)",
  antidilutionNotHolder: (p) => `antidilution: class "${p.className}" must be one of the holders (its row holds the class as converted)`,
  antidilutionRowMismatch: (p) =>
    `antidilution: class "${p.className}" converts into ${p.before} shares before the round, but its holder row holds ${p.held}: the row must hold the class as converted`,

  noWeightedAverage: () => "shares outstanding and new shares are both zero: no weighted average",
  conversionPriceWithoutOip: (p) => `class "${p.className}" has a conversion price but no original issue price`,

  seniorityWhole: (p) => `seniority of class "${p.className}" must be a whole number from 1 (most senior), got ${p.got}`,
  strikeAndPreference: (p) => `class "${p.className}" has a strike and a preference: options and warrants have no preference`,
  capMissing: (p) => `class "${p.className}" is capped participating: give its cap (a multiple of invested capital)`,
  capBelowPreference: (p) => `cap of class "${p.className}" must be at least its preference multiple, got ${p.got}x`,
  classesNoShares: () => "classes must hold some shares: a waterfall needs shares to share the residual",
  residualUnshared: () => "the residual cannot be shared: no class takes part above the last breakpoint",
  holdingUnknownClass: (p) => `holdings name a class that is not in the classes table: "${p.className}"`,
  holdingsExceed: (p) => `holdings of class "${p.className}" add up to ${p.held} shares, more than the class's ${p.shares}`,
  whoNotClass: (p) => `who must be a class of the classes table, got "${p.className}"`,
  whoNotHolder: (p) => `who must be a holder of the holdings table, got "${p.holder}"`,
  noInvested: (p) =>
    `${whoEn(p.who)} has no invested capital, so no multiple on it: give the Invested column (or the invested argument), or a target payout`,
  payoutUnreachable: (p) => `${whoEn(p.who)} cannot reach a payout of ${p.payout}: its payout stops at ${p.max} whatever the exit value`,
  ownershipTooHigh: (p) =>
    `the investor would need ${p.got}% of the company today (100% or more): raise the exit value or the retention, or lower the target multiple or the investment`,

  dateBefore: (p) => `${p.end} must not be before ${p.start}, got ${p.days} days`,
  loansExceedEquityAtBox: (p) => `shareholder_loans (${p.loans}) must not exceed the equity price at the box (${p.equity}), which includes them`,
  loansWithoutShareTicker: () =>
    'shareholder_loans is given but the ticker does not accrue on the shares: the loans are used only with ticker_rate and ticker_base "SHARES"; set them or leave shareholder_loans empty',
  tickerBoth: () => "ticker_per_day must be empty when ticker_rate is given: the ticker is a rate or an amount per day, not both",
  loansRequiredForShares: () =>
    'shareholder_loans is required when ticker_base is "SHARES": the ticker then accrues on the equity price less the loans',
  permittedExceedsLeakage: (p) => `permitted_leakage (${p.permitted}) must not exceed leakage (${p.leakage}): it is the permitted part of it`,
  escrowExceedsPrice: (p) => `escrow (${p.escrow}) must not exceed the estimated price (${p.price})`,
  paymentBeforeCompletion: (p) => `dates must not be before completion_date (payment ${p.payment} is ${p.days} days before)`,
  soldExceeds: (p) =>
    p.what === "shares"
      ? `Shares sold of "${p.holder}" (${p.sold}) must not exceed its shares (${p.held})`
      : `Loans sold of "${p.holder}" (${p.sold}) must not exceed its loans (${p.held})`,
  holdingsNoShares: () => "holdings must hold some shares: the price per share divides by them",
  loansExceedPrice: (p) =>
    `the loans at accrued face value (${p.loans}) exceed the equity price (${p.price}): the loans are not worth face value, so this split does not apply`,
  noQuartileValues: () => "no values to take a quartile of",
  noMultiples: () => "comps must give at least one multiple",
  notDates: (p) => `${p.subject} must be dates (day serial numbers from 0 to 2958465, 31/12/9999), got ${p.got}`,
  beforeFirstDate: (p) =>
    `${p.subject} must not be before the first date (the origin of the discounting), got ${p.day} before ${p.origin} at position ${p.position}`,
  tooFewFlows: (p) => `flows must have at least two dated cash flows, got ${p.got}`,
  noFlows: () => "flows must have at least one dated cash flow",
  flowsSameDate: () => "flows must not all fall on the same date: no rate discounts them",
  flowsOneSign: () => "flows must have at least one negative (paid) and one positive (received) amount, as XIRR requires",
  irrTooLarge: () => "the IRR is too large for a cell: the flows grow beyond any double in the time between their dates",
  noIrr: () => "no rate discounts these flows to zero (XIRR would show #NUM!): check the signs and dates of the flows",
  sourcesExceedUses: (p) =>
    `the sources (${p.sources}) exceed the uses (${p.uses}) before any equity: the equity plug would be negative; reduce a source or add a use`,
  retainedAtFullSale: () => "retained_fair_value must be empty or 0 when stake_sold is 100%: nothing is retained",

  asOfDate: (p) => `as_of must be a calendar date written YYYY-MM-DD, got "${p.got}"`,
  eventDate: (p) => `${atEvent(p)}date must be a calendar date written YYYY-MM-DD, got "${p.got}"`,
  eventIdTwice: (p) => `${atEvent(p)}the same event id appears twice`,
  issuedTwice: (p) => `${atEvent(p)}security "${p.security}" is issued twice`,
  holderUnknown: (p) => `${atEvent(p)}holder "${p.holder}" is not among the stakeholders`,
  classUnknown: (p) => `${atEvent(p)}class "${p.className}" is not among the stock classes`,
  planUnknown: (p) => `${atEvent(p)}plan "${p.plan}" is not among the stock plans`,
  stockNeedsClass: (p) => `${atEvent(p)}a stock issuance needs its class`,
  issuanceNeedsSize: (p) => `${atEvent(p)}${p.convertible ? "a convertible issuance needs its amount" : "an issuance needs its quantity"}`,
  quantityNegative: (p) => `${atEvent(p)}the quantity must not be negative, got ${p.got}`,
  securityNotIssued: (p) => `${atEvent(p)}security "${p.security}" is not issued on or before this date`,
  securityIssuedLater: (p) => `${atEvent(p)}security "${p.security}" is issued later, on ${p.issued}`,
  resultNeverIssued: (p) => `${atEvent(p)}resulting security "${p.security}" is never issued`,
  resultIssuedOtherDate: (p) =>
    `${atEvent(p)}resulting security "${p.security}" is issued on ${p.issued}, not on the date of the event that creates it`,
  resultsFromItself: (p) => `${atEvent(p)}security "${p.security}" results from itself`,
  resultsFromTwo: (p) => `${atEvent(p)}security "${p.security}" results from two events`,
  splitRatio: (p) => `${atEvent(p)}the split ratio must be above 0, got ${p.got}`,
  notOutstanding: (p) => `${atEvent(p)}security "${p.security}" is not outstanding`,
  alreadyClosed: (p) => `${atEvent(p)}security "${p.security}" was already closed by "${p.by}"`,
  actsOnMore: (p) => `${atEvent(p)}acts on ${p.quantity} but security "${p.security}" holds ${p.held}`,
  noBalanceSecurity: (p) =>
    `${atEvent(p)}acts on ${p.quantity} of the ${p.held} security "${p.security}" holds, and names no balance security for the remaining ${p.remaining}`,
  securitiesLoop: (p) => `securities loop: "${p.security}" results, through others, from itself`,
  roundBeforeTable: (p) => `the round's date ${p.round} is before the cap table's date ${p.table}`,
  planOverGranted: (p) => `plan "${p.plan}" has granted ${p.excess} shares more than it reserves`,
  conditionUnknown: (p) => `${atTerms(p)}a condition is relative to "${p.condition}", which does not exist`,
  conditionCycle: (p) => `${atTerms(p)}condition "${p.condition}" is relative to itself through others`,
  periodNotWhole: (p) => `${atTerms(p)}condition "${p.condition}": the period length must be a whole number of ${p.unit.toLowerCase()}`,
  occurrencesNotWhole: (p) => `${atTerms(p)}condition "${p.condition}": occurrences must be a whole number from 1`,
  occurrencesTooMany: (p) => `${atTerms(p)}condition "${p.condition}": ${p.got} occurrences is more than the 10,000 read`,
  portionOrQuantity: (p) => `${atTerms(p)}condition "${p.condition}" must give either a portion or a quantity`,
  tranchesNotMultiples: (p) =>
    `${atTerms(p)}${p.allocation} needs tranches that are whole multiples of the smallest one; use a cumulative allocation for these portions`,
  holderFlows: (p) => `flows of "${p.holder}": ${engineRuleText(p.rule.id, p.rule.params)}`,
  ratchetHurdlesRise: (p) => `tiers: the hurdle of tier ${p.position} must be above the one of the tier before (hurdles rise tier by tier)`,
  ratchetShareRange: (p) =>
    `tiers: the management share of tier ${p.position} must be from ${p.below}% (the share below it: a ratchet never lowers it) to 100%, got ${p.got}%`,
  ratchetUnreachable: (p) =>
    `tiers: the investors never reach the hurdle of tier ${p.position}: management takes 100% of the equity above a lower hurdle`,
};

/** The text of an engine rule in a language's messages (English by default). */
export function engineRuleText<K extends EngineRuleId>(id: K, params: EngineRuleParams[K], messages: EngineRuleMessages = ENGINE_RULES_EN): string {
  return (messages[id] as (p: EngineRuleParams[K]) => string)(params);
}

/** An `EngineError` for a rule: the English message, the rule on `error.rule`. The one way the engine words a failure. */
export function engineError<K extends EngineRuleId>(kind: EngineErrorKind, id: K, params: EngineRuleParams[K], argument?: string): EngineError {
  return new EngineError(kind, engineRuleText(id, params), argument, { id, params } as EngineRuleRef);
}

/**
 * The engine's message catalogue (issue 15), in the pattern of the model schemas' catalogue
 * (src/model/ruleMessages.ts, after zod's locales): every rule the engine checks has an id and its
 * parameters (`EngineRuleParams`, the one list of the engine's rules), `EngineError.rule` carries
 * both, and each language has one message function per id (`EngineRuleMessages`, so a language
 * missing an id does not compile).
 *
 * English is written once, by area of the engine (src/engine/messages/: common, capTable, venture,
 * returns, deal, history); `ENGINE_RULES_EN` in src/engine/messages/index.ts joins the areas into the
 * whole catalogue. It is the text of `EngineError.message`, which the custom functions' cells, the
 * command line and the English taskpane show. Each area throws through its own maker
 * (`ruleErrors`), so the functions bundle keeps only the English of the areas its cells reach.
 * French is a catalogue of its own (src/locales/engineMessagesFr.ts, used by the taskpane), made
 * from the id and the parameters, never from the English text, and kept out of the functions bundle.
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
export interface AtEvent {
  readonly event: string;
  readonly date: string;
}
/** Vesting terms, as their rules name them first. */
export interface AtTerms {
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
  holderFlows: { holder: string; rule: EngineRuleRef<ReturnsRuleId> };
  // Ratchets (src/engine/deal/incentives.ts)
  ratchetHurdlesRise: { position: number };
  ratchetShareRange: { position: number; got: string; below: string };
  ratchetUnreachable: { position: number };
}
export type EngineRuleId = keyof EngineRuleParams;

/** The rules of dated returns (src/engine/deal/returns.ts, worded in src/engine/messages/returns.ts): what `holderFlows` wraps. */
export type ReturnsRuleId =
  "aboveMinus100" | "notDates" | "beforeFirstDate" | "tooFewFlows" | "noFlows" | "flowsSameDate" | "flowsOneSign" | "irrTooLarge" | "noIrr";

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

/** One language's messages for some of the rules: an area's catalogue (src/engine/messages/). */
export type RuleCatalogue = Partial<EngineRuleMessages>;

/** The rule ids some catalogues word. */
type IdsOf<L extends readonly RuleCatalogue[]> = { [I in keyof L]: keyof L[I] }[number] & EngineRuleId;

/** Makes the `EngineError` of a rule: the English message, the rule (id and parameters) on `error.rule`. */
export type RuleErrors<K extends EngineRuleId> = <R extends K>(
  kind: EngineErrorKind,
  id: R,
  params: EngineRuleParams[R],
  argument?: string,
) => EngineError;

/**
 * The one way the engine words a failure, for the rules of the catalogues given (an area's and
 * the ones it shares): each area of the engine throws through its own maker
 * (src/engine/messages/), so a bundle keeps the English of the areas it calls and no other (the
 * custom functions never replay a history, so they carry none of its messages).
 */
export function ruleErrors<const L extends readonly RuleCatalogue[]>(catalogues: L): RuleErrors<IdsOf<L>> {
  return (kind, id, params, argument) => {
    for (const catalogue of catalogues) {
      const en = catalogue[id] as ((p: typeof params) => string) | undefined;
      if (en !== undefined) return new EngineError(kind, en(params), argument, { id, params } as EngineRuleRef);
    }
    // Unreachable: the type of `id` admits only ids of the catalogues given.
    throw new Error(`engine rule "${id}" has no English message here`);
  };
}

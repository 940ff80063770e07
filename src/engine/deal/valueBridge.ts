/**
 * Value creation bridge from entry to exit for the equity (anchors.md §4: regantih.github.io PE guide
 * ch. 28, corporatefinanceinstitute.com "LBO returns attribution", dealacademy.co.uk "PE value
 * creation bridge"). Equity value = multiple x EBITDA - net debt, at entry and at exit; the gain is
 * exit equity + cash returned during the hold - entry equity, and splits exactly into:
 * EBITDA growth + multiple change (+ cross term) + deleveraging (entry - exit net debt) + cash returned.
 *
 * The sources disagree on the cross term (EBITDA growth x multiple change); it is an explicit option:
 * - "SEPARATE": growth at the entry multiple, change on the entry EBITDA, the cross term on its own row;
 * - "EBITDA": growth at the exit multiple (the cross term inside EBITDA growth; the CFI and PE-guide form);
 * - "MULTIPLE": growth at the entry multiple, change on the exit EBITDA (the cross term inside multiple change).
 */
import { Decimal, ZERO } from "../decimal";

export const CROSS_TERMS = ["SEPARATE", "EBITDA", "MULTIPLE"] as const;
export type CrossTerm = (typeof CROSS_TERMS)[number];

export interface ValueBridgeInput {
  readonly entryEbitda: Decimal;
  readonly entryMultiple: Decimal;
  readonly exitEbitda: Decimal;
  readonly exitMultiple: Decimal;
  readonly entryNetDebt: Decimal;
  readonly exitNetDebt: Decimal;
  /** Cash returned to the equity during the hold (dividends, loan interest and repayments). */
  readonly cashReturned: Decimal;
  readonly crossTerm: CrossTerm;
}

export interface ValueBridge {
  /** Entry equity = entry multiple x entry EBITDA - entry net debt. */
  readonly entryEquity: Decimal;
  /** Exit equity = exit multiple x exit EBITDA - exit net debt. */
  readonly exitEquity: Decimal;
  readonly ebitdaGrowth: Decimal;
  readonly multipleChange: Decimal;
  /** (exit - entry EBITDA) x (exit - entry multiple); 0 unless "SEPARATE". */
  readonly crossTerm: Decimal;
  /** Deleveraging = entry net debt - exit net debt. */
  readonly deleveraging: Decimal;
  readonly cashReturned: Decimal;
  /** Gain = exit equity + cash returned - entry equity = the sum of the parts. */
  readonly gain: Decimal;
}

/** Value creation bridge: gain = EBITDA growth + multiple change (+ cross term, per `crossTerm`) + deleveraging + cash returned. */
export function valueBridge(input: ValueBridgeInput): ValueBridge {
  const dE = input.exitEbitda.minus(input.entryEbitda);
  const dM = input.exitMultiple.minus(input.entryMultiple);
  const entryEquity = input.entryMultiple.times(input.entryEbitda).minus(input.entryNetDebt);
  const exitEquity = input.exitMultiple.times(input.exitEbitda).minus(input.exitNetDebt);
  let ebitdaGrowth = dE.times(input.entryMultiple);
  let multipleChange = dM.times(input.entryEbitda);
  let crossTerm = ZERO;
  switch (input.crossTerm) {
    case "SEPARATE":
      crossTerm = dE.times(dM);
      break;
    case "EBITDA":
      ebitdaGrowth = dE.times(input.exitMultiple);
      break;
    case "MULTIPLE":
      multipleChange = dM.times(input.exitEbitda);
      break;
  }
  return {
    entryEquity,
    exitEquity,
    ebitdaGrowth,
    multipleChange,
    crossTerm,
    deleveraging: input.entryNetDebt.minus(input.exitNetDebt),
    cashReturned: input.cashReturned,
    gain: exitEquity.plus(input.cashReturned).minus(entryEquity),
  };
}

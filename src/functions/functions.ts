/**
 * The CAPTABLE custom functions: the surface Excel sees.
 *
 * The custom-functions metadata plugin reads the JSDoc below to generate `functions.json`
 * (IDs, names, descriptions, argument help) and the `CustomFunctions.associate` calls.
 * IDs are stored in users' workbooks: NEVER rename an ID once shipped.
 *
 * Every function is a thin adapter: read cells (./cells), call the engine, return cells, and
 * turn any failure into a `CustomFunctions.Error` with a message naming the argument (./excel).
 * Parameters are typed `any` so that bad input reaches our readers and gets a clear message,
 * instead of a bare #VALUE! from Excel's own conversion.
 */
import {
  Decimal,
  enterpriseValue,
  equityValue,
  evPerUnit,
  impliedEnterpriseValue,
  impliedValuation,
  ownership,
  postMoney,
  pricePerShare,
  primaryIssue,
  primarySharesForTargetStake,
  secondaryTransfer,
  stakeSale,
  StakeSaleInput,
  stakeSalePricePart,
  ValuationBasis,
} from "../engine";
import { isBlank, readChoice, readMatrix, readNumber, readOptionalNumber, readText, valueError } from "./cells";
import { BASIS, COMPONENT, ROUNDING } from "./choices";
import { readCapTable } from "./capTableInput";
import { ownershipOfWholeShares, toCell, toCellError, withinCellLimits } from "./excel";
import { isPromiseLike } from "./dateSystem";
import { dealViewTable, proFormaTable, withIgnoredNote } from "./tables";
import {
  completionAccountsCells,
  dealIrrCell,
  dealNpvCell,
  dealReturnsCells,
  deferredPvCell,
  disposalGainCells,
  lockedBoxCells,
  pikAccruedCell,
  priceSplitCells,
  sourcesUsesCells,
  valueBridgeCells,
  compStatsCells,
  irrGridCells,
} from "./deal";
import { holderReturnsCells } from "./dealHolders";
import { prefAccruedCell, ratchetCells } from "./dealIncentives";
import { exitForTargetCell, vcMethodCells } from "./ventureSolvers";
import { antiDilutionCells, breakpointsCells, fdSharesCell, noteCells, roundCells, safeCells, tenderCells, waterfallCells } from "./venture";

function run<T>(body: () => T | Promise<T>): T {
  try {
    const result = body();
    if (isPromiseLike(result)) {
      // A result that waits for the workbook (a 30/360 count's date system: ./dateSystem). Excel
      // awaits a promise whatever the function's declared type, which stays the value's (the
      // metadata's result type and dimensionality come from it).
      return Promise.resolve(result).then(withinCellLimits, (error: unknown) => {
        throw toCellError(error);
      }) as unknown as T;
    }
    // Every text of every result within a cell's 32,767 characters, and saying so when cut (./excel).
    return withinCellLimits(result);
  } catch (error) {
    throw toCellError(error);
  }
}

/**
 * Net debt and other claims against the basis, one rule for every function that takes them (see
 * "Conventions" in docs/functions.md):
 * - where the result uses net debt, it is required: an empty cell is not read as 0 (a typed 0 is
 *   fine), since a company with debt would otherwise be valued as if it had none;
 * - where the result does not use them (an equity-basis valuation, an equity-value output), a
 *   non-zero net debt or other claims is an error: the user meant something the result ignores.
 *   A 0 changes nothing on either reading and is accepted.
 */
function basisText(value: unknown, name: string, basis: ValuationBasis): string {
  return `${name} is "${basis}"${isBlank(value) ? " (the default)" : ""}`;
}

/** Net debt where the result uses it: required, blank is not 0. `because` says why, after "required ". */
function readRequiredNetDebt(net_debt: unknown, because: string): Decimal {
  if (isBlank(net_debt)) {
    throw valueError(`net_debt is required ${because}, and an empty cell is not read as 0: type 0 if the company has no net debt`, "net_debt");
  }
  return readNumber(net_debt, "net_debt");
}

/** An amount the result does not use: blank or 0, or an error saying why and what to do. */
function refuseUnused(value: unknown, name: string, words: string, basis: string, does: string, fix: string): void {
  const amount = readOptionalNumber(value, name);
  if (amount !== undefined && !amount.isZero()) {
    throw valueError(`${name} is given but ${basis}: ${does} ${words}; ${fix} or leave ${name} empty`, name);
  }
}

/** The basis and, on it, net debt and other claims of a stake sale (STAKEVALUE, DEALVIEW). */
function readBasisAndClaims(
  basis: unknown,
  net_debt: unknown,
  other_claims: unknown,
  netDebtAlwaysUsed: boolean,
): Pick<StakeSaleInput, "basis" | "netDebt" | "otherClaims"> {
  const b = readChoice(basis, "basis", BASIS, "EQUITY");
  if (netDebtAlwaysUsed) {
    const why = "by DEALVIEW: its table shows both the enterprise value and the equity value, which differ by net debt";
    return { basis: b, netDebt: readRequiredNetDebt(net_debt, why), otherClaims: readOptionalNumber(other_claims, "other_claims") };
  }
  if (b === "EV") {
    const why = 'when basis is "EV": equity value = EV - net debt - other claims';
    return { basis: b, netDebt: readRequiredNetDebt(net_debt, why), otherClaims: readOptionalNumber(other_claims, "other_claims") };
  }
  const said = basisText(basis, "basis", b);
  const does = "the valuation is then an equity value and";
  refuseUnused(net_debt, "net_debt", "net debt does not apply", said, does, 'set basis to "EV"');
  refuseUnused(other_claims, "other_claims", "other claims do not apply", said, does, 'set basis to "EV"');
  return { basis: b };
}

function readStakeSaleInput(
  stake: any,
  valuation: any,
  basis: any,
  net_debt: any,
  shareholder_loans: any,
  other_claims: any,
  premium: any,
  options: { readonly capacity?: any; readonly netDebtAlwaysUsed?: boolean } = {},
): StakeSaleInput {
  const stakeValue = readNumber(stake, "stake", "fraction");
  const valuationValue = readNumber(valuation, "valuation");
  return {
    stake: stakeValue,
    valuation: valuationValue,
    ...readBasisAndClaims(basis, net_debt, other_claims, options.netDebtAlwaysUsed === true),
    shareholderLoans: readOptionalNumber(shareholder_loans, "shareholder_loans", "nonNegative"),
    premium: readOptionalNumber(premium, "premium", "premium"),
    capacity: readOptionalNumber(options.capacity, "capacity", "positive"),
  };
}

/**
 * Equity value (incl. shareholder loans) from an enterprise value: EV - net debt - other claims.
 * @customfunction EQUITYVALUE EQUITYVALUE
 * @param enterprise_value Enterprise value of the company at 100%.
 * @param net_debt Third-party financial debt less cash (excluding shareholder loans).
 * @param [other_claims] Minorities, preferred, debt-like items, net of non-operating assets. Default 0.
 * @returns Equity value including shareholder loans.
 */
export function equityValueFn(enterprise_value: any, net_debt: any, other_claims?: any): number {
  return run(() =>
    toCell(
      equityValue(
        readNumber(enterprise_value, "enterprise_value"),
        readNumber(net_debt, "net_debt"),
        readOptionalNumber(other_claims, "other_claims"),
      ),
    ),
  );
}

/**
 * Enterprise value from an equity value (incl. shareholder loans): equity + net debt + other claims.
 * @customfunction ENTERPRISEVALUE ENTERPRISEVALUE
 * @param equity_value Equity value of the company at 100%, including shareholder loans.
 * @param net_debt Third-party financial debt less cash (excluding shareholder loans).
 * @param [other_claims] Minorities, preferred, debt-like items, net of non-operating assets. Default 0.
 * @returns Enterprise value.
 */
export function enterpriseValueFn(equity_value: any, net_debt: any, other_claims?: any): number {
  return run(() =>
    toCell(
      enterpriseValue(readNumber(equity_value, "equity_value"), readNumber(net_debt, "net_debt"), readOptionalNumber(other_claims, "other_claims")),
    ),
  );
}

/**
 * Price of a stake at pro rata value: stake x equity value (incl. shareholder loans) x (1 + premium).
 * @customfunction STAKEVALUE STAKEVALUE
 * @param stake Fraction of the company sold, between 0% and 100% (50% = 0.5).
 * @param valuation Valuation of the company at 100%, on the chosen basis.
 * @param [basis] "EQUITY" (default): valuation is the equity value incl. shareholder loans; "EV": an enterprise value. French: "CAPITAUX PROPRES", "VE".
 * @param [net_debt] Net debt (excluding shareholder loans). Required when basis is "EV" (type 0 for none); must be empty or 0 when basis is "EQUITY".
 * @param [shareholder_loans] Shareholder loans at face value, at 100%. Default 0.
 * @param [other_claims] Other claims ahead of shareholders, at 100%, when basis is "EV". Default 0; must be empty or 0 when basis is "EQUITY".
 * @param [premium] Control premium (positive) or minority discount (negative) on the pro rata price. Default 0.
 * @param [component] "TOTAL" (default) the whole price; "SHARES" the part paid for shares; "LOANS" the part paid for shareholder loans. French: "ACTIONS", "PRÊTS" or "COMPTES COURANTS".
 * @returns The price paid for the stake.
 */
export function stakeValueFn(
  stake: any,
  valuation: any,
  basis?: any,
  net_debt?: any,
  shareholder_loans?: any,
  other_claims?: any,
  premium?: any,
  component?: any,
): number {
  return run(() => {
    const input = readStakeSaleInput(stake, valuation, basis, net_debt, shareholder_loans, other_claims, premium);
    const part = readChoice(component, "component", COMPONENT, "TOTAL");
    return toCell(stakeSalePricePart(input, part === "TOTAL" ? "total" : part === "SHARES" ? "shares" : "shareholderLoans"), "the price");
  });
}

/**
 * Valuation of the company at 100% implied by a price paid for a stake.
 * @customfunction IMPLIEDVALUE IMPLIEDVALUE
 * @param price Price paid for the stake (shares plus shareholder loans).
 * @param stake Fraction bought, greater than 0% and at most 100%.
 * @param [output] "EQUITY" (default) the implied equity value incl. shareholder loans; "EV" the implied enterprise value. French: "CAPITAUX PROPRES", "VE".
 * @param [net_debt] Net debt (excluding shareholder loans), added to get an EV. Required when output is "EV" (type 0 for none); must be empty or 0 when output is "EQUITY".
 * @param [other_claims] Other claims ahead of shareholders, added to get an EV. Default 0; must be empty or 0 when output is "EQUITY".
 * @param [premium] Premium (positive) or discount (negative) included in the price, removed first. Default 0.
 * @returns Implied equity value or enterprise value at 100%.
 */
export function impliedValueFn(price: any, stake: any, output?: any, net_debt?: any, other_claims?: any, premium?: any): number {
  return run(() => {
    const priceValue = readNumber(price, "price");
    const stakeValue = readNumber(stake, "stake", "positiveFraction");
    const basis = readChoice(output, "output", BASIS, "EQUITY");
    let netDebt: Decimal | undefined;
    let otherClaims: Decimal | undefined;
    if (basis === "EV") {
      netDebt = readRequiredNetDebt(net_debt, 'when output is "EV": EV = implied equity value + net debt + other claims');
      otherClaims = readOptionalNumber(other_claims, "other_claims");
    } else {
      const said = basisText(output, "output", basis);
      const does = "the implied equity value";
      refuseUnused(net_debt, "net_debt", "does not use net debt", said, does, 'set output to "EV"');
      refuseUnused(other_claims, "other_claims", "does not use other claims", said, does, 'set output to "EV"');
    }
    const implied = impliedValuation({
      price: priceValue,
      stake: stakeValue,
      netDebt,
      otherClaims,
      premium: readOptionalNumber(premium, "premium", "premium"),
    });
    return toCell(basis === "EV" ? implied.enterpriseValue : implied.equityValue);
  });
}

/**
 * The equity and debt views of a stake sale, spilled: company at 100%, stake sold, stake retained.
 * @customfunction DEALVIEW DEALVIEW
 * @param stake Fraction of the company sold, between 0% and 100%.
 * @param valuation Valuation of the company at 100%, on the chosen basis.
 * @param [basis] "EQUITY" (default): valuation is the equity value incl. shareholder loans; "EV": an enterprise value. French: "CAPITAUX PROPRES", "VE".
 * @param [net_debt] Net debt (excluding shareholder loans). Required on both bases (the table shows EV and equity value; type 0 for none).
 * @param [shareholder_loans] Shareholder loans at face value, at 100%. Default 0.
 * @param [other_claims] Other claims ahead of shareholders, at 100%. Default 0.
 * @param [premium] Control premium (positive) or minority discount (negative) on the pro rata price. Default 0.
 * @param [capacity] Capacity of the business (MW, beds, ...) to add EV per capacity unit. Optional.
 * @returns A table with a header row: EV, net debt, other claims, equity value, shareholder loans, share equity, price paid.
 */
export function dealViewFn(
  stake: any,
  valuation: any,
  basis?: any,
  net_debt?: any,
  shareholder_loans?: any,
  other_claims?: any,
  premium?: any,
  capacity?: any,
): any[][] {
  return run(() =>
    dealViewTable(
      stakeSale(
        readStakeSaleInput(stake, valuation, basis, net_debt, shareholder_loans, other_claims, premium, { capacity, netDebtAlwaysUsed: true }),
      ),
    ),
  );
}

/**
 * Ownership of each holding: shares / total shares, in the same shape as the range. Empty cells stay empty.
 * @customfunction OWNERSHIP OWNERSHIP
 * @param shares Share counts (a column, a row or a block); empty cells count as no shares.
 * @returns Fractions of the total, summing to 100%.
 */
export function ownershipFn(shares: any[][]): any[][] {
  return run(() => {
    const m = readMatrix(shares, "shares");
    const whole = ownershipOfWholeShares(m); // the same doubles as below, fast (see ./excel)
    if (whole !== undefined) return whole;
    const values: Decimal[] = [];
    m.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (isBlank(cell)) return;
        values.push(readNumber(cell, `shares (row ${r + 1}, column ${c + 1})`, "nonNegative"));
      }),
    );
    const fractions = ownership(values);
    let k = 0;
    return m.map((row) => row.map((cell) => (isBlank(cell) ? "" : toCell(fractions[k++]))));
  });
}

/**
 * Shares to issue so a new holder owns a target stake after the issue: target / (1 - target) x shares outstanding.
 * @customfunction PRIMARYSHARES PRIMARYSHARES
 * @param target_stake Stake the new holder should own after the issue, at least 0% and below 100%.
 * @param shares_outstanding Shares outstanding before the issue (fully diluted).
 * @param [rounding] "DOWN" (default, whole shares as legal documents do), "UP", "NEAREST" or "NONE" (exact). French: "BAS", "HAUT", "PROCHE", "AUCUN".
 * @returns Number of new shares to issue.
 */
export function primarySharesFn(target_stake: any, shares_outstanding: any, rounding?: any): number {
  return run(() =>
    toCell(
      primarySharesForTargetStake(
        readNumber(target_stake, "target_stake", "fractionBelowOne"),
        readNumber(shares_outstanding, "shares_outstanding", "positive"),
        readChoice(rounding, "rounding", ROUNDING, "DOWN"),
      ),
    ),
  );
}

/**
 * Post-money valuation: pre-money + investment.
 * @customfunction POSTMONEY POSTMONEY
 * @param pre_money Equity value before the new money.
 * @param investment New money invested.
 * @returns Post-money equity value.
 */
export function postMoneyFn(pre_money: any, investment: any): number {
  return run(() => toCell(postMoney(readNumber(pre_money, "pre_money"), readNumber(investment, "investment", "nonNegative"))));
}

/**
 * Price per share of a round: pre-money / fully diluted shares before the round (not rounded).
 * @customfunction PRICEPERSHARE PRICEPERSHARE
 * @param pre_money Equity value before the new money; greater than 0.
 * @param fully_diluted_shares Fully diluted shares before the round; greater than 0.
 * @returns Price per share.
 */
export function pricePerShareFn(pre_money: any, fully_diluted_shares: any): number {
  return run(() =>
    toCell(pricePerShare(readNumber(pre_money, "pre_money", "positive"), readNumber(fully_diluted_shares, "fully_diluted_shares", "positive"))),
  );
}

/**
 * Pro forma cap table after a secondary transfer: shares move from seller to buyer; total unchanged.
 * @customfunction SECONDARY SECONDARY
 * @param holders Holder names (a column or a row).
 * @param shares Shares held, beside the names (same size).
 * @param seller Name of the holder selling.
 * @param buyer Name of the buyer; added at the end when not yet a holder.
 * @param shares_sold Number of shares sold; at most the seller's holding.
 * @returns A table: holder, shares before, % before, shares after, % after. Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row.
 */
export function secondaryFn(holders: any[][], shares: any[][], seller: any, buyer: any, shares_sold: any): any[][] {
  return run(() => {
    const skipped: number[] = [];
    const table = proFormaTable(
      secondaryTransfer(
        readCapTable(holders, shares, skipped),
        readText(seller, "seller"),
        readText(buyer, "buyer"),
        readNumber(shares_sold, "shares_sold", "nonNegative"),
      ),
    );
    return withIgnoredNote(table, [{ unit: "row", of: "holders", at: skipped }]);
  });
}

/**
 * Pro forma cap table after a primary issue at pre-money / total shares per share.
 * @customfunction PRIMARY PRIMARY
 * @param holders Holder names (a column or a row).
 * @param shares Shares held, beside the names (same size).
 * @param investor Name of the investor; added at the end when not yet a holder.
 * @param investment New money invested.
 * @param pre_money Equity value before the new money; greater than 0.
 * @param [rounding] New shares: "DOWN" (default, whole shares), "UP", "NEAREST" or "NONE" (exact). French: "BAS", "HAUT", "PROCHE", "AUCUN".
 * @returns A table: holder, shares before, % before, shares after, % after. Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row.
 */
export function primaryFn(holders: any[][], shares: any[][], investor: any, investment: any, pre_money: any, rounding?: any): any[][] {
  return run(() => {
    const skipped: number[] = [];
    const table = proFormaTable(
      primaryIssue(
        readCapTable(holders, shares, skipped),
        readText(investor, "investor"),
        readNumber(investment, "investment", "nonNegative"),
        readNumber(pre_money, "pre_money", "positive"),
        readChoice(rounding, "rounding", ROUNDING, "DOWN"),
      ).rows,
    );
    return withIgnoredNote(table, [{ unit: "row", of: "holders", at: skipped }]);
  });
}

/**
 * Enterprise value per capacity unit (e.g. EUR per MW): EV / capacity.
 * @customfunction EVPERUNIT EVPERUNIT
 * @param enterprise_value Enterprise value at 100%.
 * @param capacity Capacity at 100% (MW, beds, towers, ...); greater than 0.
 * @returns EV per capacity unit.
 */
export function evPerUnitFn(enterprise_value: any, capacity: any): number {
  return run(() => toCell(evPerUnit(readNumber(enterprise_value, "enterprise_value"), readNumber(capacity, "capacity", "positive"))));
}

/**
 * Enterprise value implied by a multiple: metric x multiple (e.g. EBITDA x EV/EBITDA, MW x EV per MW).
 * @customfunction IMPLIEDEV IMPLIEDEV
 * @param metric The metric at 100% (EBITDA, MW, revenue, ...).
 * @param multiple The multiple (EV per unit of the metric).
 * @returns Implied enterprise value.
 */
export function impliedEvFn(metric: any, multiple: any): number {
  return run(() => toCell(impliedEnterpriseValue(readNumber(metric, "metric"), readNumber(multiple, "multiple"))));
}

// ---------------------------------------------------------------- Venture cap tables (issue 5)
// Thin adapters: every range is read and every table laid out in ./venture.ts.

/**
 * Priced round: new money at a pre-money valuation, option-pool top-up counted in the pre-money, SAFEs and notes converting, solved exactly (no circular reference).
 * @customfunction PRICEDROUND PRICEDROUND
 * @param holders Holder names before the round (fully diluted: common, preferred as converted, options, the unissued pool row).
 * @param shares Shares held, beside the names (same size).
 * @param pre_money Pre-money valuation; it includes the pool increase and the converting SAFEs and notes.
 * @param investors New money: two columns, investor and amount; a first row is a header when its words say so ("Investor", "Amount (EUR)", "Montant"…), and any other text amount is an error naming its row.
 * @param [pool_target] Unissued option pool after the round as a fraction of post-money fully diluted shares (e.g. 10%). Optional.
 * @param [instruments] SAFEs and notes converting: a table with a header row: Holder, Type (SAFE, PRE SAFE, NOTE), Amount, Cap, Discount, MFN, Cap basis (EXISTING, POOL, CONVERTIBLES, ALL); for notes also Interest rate, Start date, Conversion date. Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [rounding] Shares issued: "DOWN" (default, whole shares), "UP", "NEAREST" or "NONE" (exact).
 * @param [pool_row] Name of the unissued pool among the holders. Default: the one holder named like a pool ("Option pool", "Unissued option pool", "ESOP", "Employee pool", "Pool d'options", "BSPCE"…); needed with a top-up when none or several are.
 * @param [pool_increase] A fixed number of shares added to the pool instead of a target. Optional.
 * @param [pool_basis] What pool_target is a fraction of post-money of: "UNISSUED" (default, the unissued pool) or "TOTAL" (the whole pool: granted and promised options named in option_rows, plus the unissued pool).
 * @param [option_rows] With pool_basis "TOTAL": the names of the holders that are granted or promised options (a column or a row).
 * @param [antidilution] Preferred classes adjusted in a down round, solved with the price: a table with a header row: Class (its holder row), Shares, Original issue price, Conversion price, Method ("BROAD" default, "NARROW", "RATCHET" or "NONE"). Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @returns A table: holder, shares before, issued, after, % after, pro rata investment, conversion price, term applied, cap basis, pro rata right (YC side letter: shares, amount); then price per share, post-money (pre-money + new money), the round's totals, the pool row taken; with pool_basis, the basis and the pool after; with antidilution, one row per class. Rows and cells read as empty (blank, or 0) in holders, investors, instruments, option_rows and antidilution are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function pricedRoundFn(
  holders: any[][],
  shares: any[][],
  pre_money: any,
  investors: any[][],
  pool_target?: any,
  instruments?: any[][],
  rounding?: any,
  pool_row?: any,
  pool_increase?: any,
  pool_basis?: any,
  option_rows?: any[][],
  antidilution?: any[][],
): any[][] {
  return run(() =>
    roundCells(
      holders,
      shares,
      pre_money,
      investors,
      pool_target,
      instruments,
      rounding,
      pool_row,
      pool_increase,
      pool_basis,
      option_rows,
      antidilution,
    ),
  );
}

/**
 * One SAFE converting in a priced round: conversion price = lowest of cap price, discount price and round price.
 * @customfunction SAFE SAFE
 * @param investment Purchase amount of the SAFE.
 * @param cap Valuation cap (post-money by default); leave empty for a discount-only SAFE.
 * @param discount Discount on the round price (20% = 0.2); leave empty for none.
 * @param round_price Price per share of the priced round.
 * @param [capitalization] The SAFE's Company Capitalization the cap is divided by (post-money: including this SAFE's and the other converting SAFEs' shares and the unissued pool, as the YC guide prints it; pre-money: excluding the SAFEs). Needed with a cap.
 * @param [basis] "POST" (default, post-money valuation cap) or "PRE" (pre-money cap).
 * @param [rounding] Shares: "DOWN" (default, whole shares), "UP", "NEAREST" or "NONE" (exact).
 * @param [capitalization_basis] What capitalization includes: "INCLUDING" this SAFE's own shares (default for "POST") or "EXCLUDING" them (default for "PRE").
 * @returns A two-column table: shares, conversion price, term applied (CAP, DISCOUNT or ROUND PRICE), cap price, discount price, ownership, capitalization basis.
 */
export function safeFn(
  investment: any,
  cap: any,
  discount: any,
  round_price: any,
  capitalization?: any,
  basis?: any,
  rounding?: any,
  capitalization_basis?: any,
): any[][] {
  return run(() => safeCells(investment, cap, discount, round_price, capitalization, basis, rounding, capitalization_basis));
}

/**
 * A convertible note converting: principal plus accrued interest at the lowest of cap price, discount price and round price.
 * @customfunction CONVERTNOTE CONVERTNOTE
 * @param principal Principal of the note.
 * @param interest_rate Annual interest rate (8% = 0.08).
 * @param start_date Date the note was issued (an Excel date).
 * @param conversion_date Date the note converts (an Excel date).
 * @param round_price Price per share of the priced round.
 * @param [cap] Valuation cap (pre-money). Optional.
 * @param [discount] Discount on the round price (20% = 0.2). Optional.
 * @param [capitalization] Shares the cap is divided by (pre-money fully diluted). Needed with a cap.
 * @param [day_count] "ACT/365" (default), "ACT/360" or "30/360".
 * @param [compounding] "SIMPLE" (default), "ANNUAL", "SEMIANNUAL", "QUARTERLY", "MONTHLY" or "DAILY".
 * @param [rounding] Shares: "DOWN" (default, whole shares), "UP", "NEAREST" or "NONE" (exact).
 * @returns A two-column table: years, interest, converting amount, shares, conversion price, term applied (CAP, DISCOUNT or ROUND PRICE).
 */
export function convertNoteFn(
  principal: any,
  interest_rate: any,
  start_date: any,
  conversion_date: any,
  round_price: any,
  cap?: any,
  discount?: any,
  capitalization?: any,
  day_count?: any,
  compounding?: any,
  rounding?: any,
): any[][] {
  return run(() =>
    noteCells(principal, interest_rate, start_date, conversion_date, round_price, cap, discount, capitalization, day_count, compounding, rounding),
  );
}

/**
 * Anti-dilution on a down round: weighted average CP2 = CP1 x (A + B) / (A + C), or full ratchet; new conversion ratio per class.
 * @customfunction ANTIDILUTION ANTIDILUTION
 * @param classes A table with a header row: Class, Shares, Original issue price, Conversion price (empty prices for common and options). Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param new_price Price per share of the new (dilutive) issue.
 * @param new_shares Number of new shares issued.
 * @param [method] "BROAD" (default, broad-based weighted average), "NARROW" (narrow-based), "RATCHET" (full ratchet) or "NONE" (no adjustment).
 * @param [shares_outstanding] The A of the formula, when the charter defines it differently. Optional.
 * @returns A table per class: conversion price and ratio before and after, shares as converted before and after. Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function antiDilutionFn(classes: any[][], new_price: any, new_shares: any, method?: any, shares_outstanding?: any): any[][] {
  return run(() => antiDilutionCells(classes, new_price, new_shares, method, shares_outstanding));
}

/**
 * Exit waterfall: debt and costs first, preferences by seniority, participation, conversion decided in equilibrium, options exercised in the money.
 * @customfunction WATERFALL WATERFALL
 * @param classes A table with a header row: Class, Shares, Invested, Preference (multiple), Seniority (1 = first), Participation (NONE, FULL, CAPPED), Cap (multiple), Conversion ratio, Strike. Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param exit_value Exit enterprise value; several cells give a sensitivity table (one row per exit value, the converting classes in its last column).
 * @param [net_debt] Net debt repaid at exit. Default 0.
 * @param [transaction_costs] Transaction costs paid at exit. Default 0.
 * @param [holdings] Optional table with a header row: Holder, Class, Shares, to add the payout per holder (with several exit values: one column per holder). A class's holdings add up to at most its shares (within 1e-12 relative, for counts typed as formulas). Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [other_claims] Other claims ahead of shareholders. Default 0.
 * @returns A table per class: preference, participation, total, per share, multiple on invested capital, decision. With several exit values: one row per exit value (exit value, proceeds to equity, one total per class or per holder, then "Converts": the classes converting to common, or "None"). Rows and exit values read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function waterfallFn(
  classes: any[][],
  exit_value: any[][],
  net_debt?: any,
  transaction_costs?: any,
  holdings?: any[][],
  other_claims?: any,
): any[][] {
  return run(() => waterfallCells(classes, exit_value, net_debt, transaction_costs, holdings, other_claims));
}

/**
 * Breakpoints of an exit waterfall: the exit values where the split changes (a preference paid, an option in the money, a cap binding, a class converting).
 * @customfunction BREAKPOINTS BREAKPOINTS
 * @param classes The classes table of CAPTABLE.WATERFALL (header row: Class, Shares, Invested, Preference, Seniority, Participation, Cap, Conversion ratio, Strike). Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [net_debt] Net debt repaid at exit. Default 0.
 * @param [transaction_costs] Transaction costs paid at exit. Default 0.
 * @param [other_claims] Other claims ahead of shareholders. Default 0.
 * @returns A table: exit value, proceeds to equity, residual per share, event. Class rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function breakpointsFn(classes: any[][], net_debt?: any, transaction_costs?: any, other_claims?: any): any[][] {
  return run(() => breakpointsCells(classes, net_debt, transaction_costs, other_claims));
}

/**
 * Fully diluted shares by the treasury stock method: basic + in-the-money options x (1 - strike / share price).
 * @customfunction FDSHARES FDSHARES
 * @param basic_shares Shares outstanding (basic).
 * @param options Options and warrants outstanding (a column or a row).
 * @param strikes Their exercise prices, beside them (same size).
 * @param share_price Price per share the options are tested against.
 * @param [method] "TSM" (default, treasury stock method) or "ALL" (every option counted in full).
 * @returns Fully diluted share count (not rounded). A pair of empty option and strike cells (blank, or 0) adds nothing and is skipped.
 */
export function fdSharesFn(basic_shares: any, options: any[][], strikes: any[][], share_price: any, method?: any): number {
  return run(() => fdSharesCell(basic_shares, options, strikes, share_price, method));
}

/**
 * Secondary tender alongside a round: existing shares move from sellers to a buyer at a price; no new shares.
 * @customfunction TENDER TENDER
 * @param holders Holder names (a column or a row).
 * @param shares Shares held, beside the names (same size).
 * @param sellers Names of the selling holders.
 * @param shares_sold Shares each seller sells, beside the names (same size); at most its holding (within 1e-12 relative: then exactly the holding).
 * @param buyer Name of the buyer; added at the end when not yet a holder.
 * @param price Tender price per share.
 * @param [round_price] Price per share of the primary round, to show the premium or discount. Optional.
 * @returns A table: holder, shares and % before, sold, bought, after, cash; then shares moved, consideration, premium to the round price. Holder rows and seller cells read as empty (blank, or 0) are listed in a last "Ignored as empty" row.
 */
export function tenderFn(
  holders: any[][],
  shares: any[][],
  sellers: any[][],
  shares_sold: any[][],
  buyer: any,
  price: any,
  round_price?: any,
): any[][] {
  return run(() => tenderCells(holders, shares, sellers, shares_sold, buyer, price, round_price));
}

// ---------------------------------------------------------------- Venture solvers (issue 12)
// Thin adapters: see ./ventureSolvers.ts and src/engine/venture/solvers.ts.

/**
 * Exit value at which a class or a holder reaches a target multiple on invested capital or a target payout: solved exactly between the waterfall's breakpoints.
 * @customfunction EXITFORTARGET EXITFORTARGET
 * @param classes The classes table of CAPTABLE.WATERFALL (header row: Class, Shares, Invested, Preference, Seniority, Participation, Cap, Conversion ratio, Strike). Unknown headers: a near miss ("Caps") is an error, others are not read.
 * @param who The class, or the holder (with holdings), whose payout is followed.
 * @param target The target: a multiple on invested capital (3 for 3x) or a payout amount, as target_type says.
 * @param [target_type] "MULTIPLE" (default, multiple on invested capital) or "PAYOUT" (an amount).
 * @param [holdings] The holdings table of CAPTABLE.WATERFALL (Holder, Class, Shares), to follow a holder. Unknown headers: a near miss ("Caps") is an error, others are not read.
 * @param [net_debt] Net debt repaid at exit. Default 0.
 * @param [transaction_costs] Transaction costs paid at exit. Default 0.
 * @param [other_claims] Other claims ahead of shareholders. Default 0.
 * @param [invested] For a holder: the capital it invested, the base of the multiple. Default: its share of each class's Invested, pro rata to the shares it holds.
 * @returns The smallest exit enterprise value at which the payout reaches the target (not rounded). Rows read as empty (blank, or 0) add nothing and are skipped, as CAPTABLE.WATERFALL lists them. Columns whose header is not recognised are not read.
 */
export function exitForTargetFn(
  classes: any[][],
  who: any,
  target: any,
  target_type?: any,
  holdings?: any[][],
  net_debt?: any,
  transaction_costs?: any,
  other_claims?: any,
  invested?: any,
): number {
  return run(() => exitForTargetCell(classes, who, target, target_type, holdings, net_debt, transaction_costs, other_claims, invested));
}

/**
 * Venture capital method (Sahlman): the ownership an investor needs today for a target multiple at an exit value, and the implied post-money and pre-money valuations.
 * @customfunction VCMETHOD VCMETHOD
 * @param exit_value Value of the company's equity at exit.
 * @param target_multiple Multiple the investor wants on its investment at exit (10 for 10x).
 * @param investment Amount invested today.
 * @param [retention] Fraction of today's ownership still held at exit, after later rounds' dilution (70% = 0.7). Default 100% (no dilution).
 * @returns A two-column table: post-money valuation (= exit value x retention / target multiple), pre-money valuation, ownership needed today and at exit, retention, value of the stake at exit.
 */
export function vcMethodFn(exit_value: any, target_multiple: any, investment: any, retention?: any): any[][] {
  return run(() => vcMethodCells(exit_value, target_multiple, investment, retention));
}

// ---------------------------------------------------------------- Deal pricing and returns (issue 16)
// Thin adapters: see ./deal.ts and src/engine/deal/.

/**
 * Internal rate of return of dated cash flows, with Excel's XIRR convention: actual/365 from the first flow's date.
 * @customfunction DEALIRR DEALIRR
 * @param flows Cash flows (a column or a row): negative when paid (invested), positive when received.
 * @param dates Their dates, beside them (same size). None before the first date.
 * @param [guess] Starting rate of the search, as in XIRR. Default 10%; matters only when the flows have several IRRs.
 * @returns The annual rate that discounts the flows to zero (not rounded). Empty pairs of cells (blank, or 0) at the end add nothing and are skipped.
 */
export function dealIrrFn(flows: any[][], dates: any[][], guess?: any): number {
  return run(() => dealIrrCell(flows, dates, guess));
}

/**
 * Net present value of dated cash flows at a rate, with Excel's XNPV convention: actual/365 from the first flow's date, which is not discounted.
 * @customfunction DEALNPV DEALNPV
 * @param rate Annual discount rate (8% = 0.08).
 * @param flows Cash flows (a column or a row): negative when paid, positive when received.
 * @param dates Their dates, beside them (same size). None before the first date.
 * @returns The present value at the first date (not rounded). Empty pairs of cells (blank, or 0) at the end add nothing and are skipped.
 */
export function dealNpvFn(rate: any, flows: any[][], dates: any[][]): number {
  return run(() => dealNpvCell(rate, flows, dates));
}

/**
 * Returns of one holder's dated cash flows: IRR (XIRR convention), multiple on invested capital, net gain, holding period and cash yield.
 * @customfunction DEALRETURNS DEALRETURNS
 * @param flows Cash flows (a column or a row): negative when paid (invested), positive when received (interest, dividends, repayments, exit).
 * @param dates Their dates, beside them (same size). None before the first date; the last date is the exit.
 * @param [guess] Starting rate of the IRR search, as in XIRR. Default 10%.
 * @returns A two-column table: IRR, multiple on invested capital (received / paid), invested, distributed, net gain, holding period in years (actual/365), average cash yield (received before the last date, a year, on invested). Empty pairs of cells (blank, or 0) at the end of the flows are listed in a last "Ignored as empty" row.
 */
export function dealReturnsFn(flows: any[][], dates: any[][], guess?: any): any[][] {
  return run(() => dealReturnsCells(flows, dates, guess));
}

/**
 * Locked-box price at completion: equity price at the box date, plus a ticker from the box date to completion, less leakage not permitted.
 * @customfunction LOCKEDBOX LOCKEDBOX
 * @param equity_at_box Equity price at the locked-box date, shareholder loans included (EV - net debt - debt-like items on the box balance sheet).
 * @param box_date Locked-box date.
 * @param completion_date Completion date (not before the box date).
 * @param [ticker_rate] Annual ticker rate, simple interest on actual/365 days (5% = 0.05). Optional; not with ticker_per_day.
 * @param [ticker_per_day] Ticker as an amount per day (e.g. the daily cash profit). Optional; not with ticker_rate.
 * @param [ticker_base] What the rate accrues on: "EQUITY" (default, the whole equity price) or "SHARES" (the price less shareholder_loans, when the loans accrue their own interest).
 * @param [shareholder_loans] Shareholder loans (face + accrued) at the box date, included in equity_at_box. Required with ticker_base "SHARES".
 * @param [leakage] Value extracted by the seller since the box date (dividends, fees, ...). Default 0.
 * @param [permitted_leakage] The part of the leakage the agreement permits (already priced in): not refunded. Default 0.
 * @returns A two-column table: days, what the ticker accrues on, ticker base, ticker, leakage refunded, price at completion.
 */
export function lockedBoxFn(
  equity_at_box: any,
  box_date: any,
  completion_date: any,
  ticker_rate?: any,
  ticker_per_day?: any,
  ticker_base?: any,
  shareholder_loans?: any,
  leakage?: any,
  permitted_leakage?: any,
): any[][] {
  return run(() =>
    lockedBoxCells(equity_at_box, box_date, completion_date, ticker_rate, ticker_per_day, ticker_base, shareholder_loans, leakage, permitted_leakage),
  );
}

/**
 * Completion accounts: price = EV - net debt - debt-like items + (working capital - target), on estimates at completion then on the final accounts, with the true-up settled against an escrow.
 * @customfunction COMPLETIONACCOUNTS COMPLETIONACCOUNTS
 * @param enterprise_value Enterprise value agreed (cash-free, debt-free).
 * @param debt_like Debt-like items deducted from the price (0 if none).
 * @param target_working_capital Normalised (target) net working capital.
 * @param estimated_net_debt Net debt estimated at completion.
 * @param estimated_working_capital Net working capital estimated at completion.
 * @param final_net_debt Net debt in the final completion accounts.
 * @param final_working_capital Net working capital in the final completion accounts.
 * @param [escrow] Held back from the price at completion against a true-up owed by the seller. Default 0.
 * @returns A two-column table: estimated price, final price, true-up, paid at completion, escrow to the seller and to the buyer, paid by the buyer after, owed by the seller beyond the escrow.
 */
export function completionAccountsFn(
  enterprise_value: any,
  debt_like: any,
  target_working_capital: any,
  estimated_net_debt: any,
  estimated_working_capital: any,
  final_net_debt: any,
  final_working_capital: any,
  escrow?: any,
): any[][] {
  return run(() =>
    completionAccountsCells(
      enterprise_value,
      debt_like,
      target_working_capital,
      estimated_net_debt,
      estimated_working_capital,
      final_net_debt,
      final_working_capital,
      escrow,
    ),
  );
}

/**
 * Present value at completion of deferred consideration or an earn-out: amount x probability / (1 + rate)^(days from completion / 365).
 * @customfunction DEFERREDPV DEFERREDPV
 * @param completion_date Completion date: the date of the present value.
 * @param payments Deferred or earn-out payments (a column or a row).
 * @param dates Their dates, beside them (same size), not before completion.
 * @param rate Annual discount rate (actual/365, compounded yearly as in XNPV).
 * @param [probabilities] Probability of each payment (an earn-out), beside them, or one probability for all. Default 100%.
 * @returns The present value at completion (not rounded).
 */
export function deferredPvFn(completion_date: any, payments: any[][], dates: any[][], rate: any, probabilities?: any[][]): number {
  return run(() => deferredPvCell(completion_date, payments, dates, rate, probabilities));
}

/**
 * PIK interest accrued on a shareholder loan from a start date to completion.
 * @customfunction PIKACCRUED PIKACCRUED
 * @param principal Face value of the loan at the start date (principal plus interest already capitalised).
 * @param interest_rate Annual interest rate (8% = 0.08).
 * @param start_date Start date (drawdown or last capitalisation).
 * @param completion_date Completion date (not before the start date).
 * @param [compounding] "ANNUAL" (default), "SEMIANNUAL", "QUARTERLY", "MONTHLY", "DAILY": principal x ((1 + rate / m)^(m x days / 365) - 1), as CAPTABLE.CONVERTNOTE; or "SIMPLE": principal x rate x days / 365.
 * @returns Interest accrued, to add to the face value (not rounded).
 */
export function pikAccruedFn(principal: any, interest_rate: any, start_date: any, completion_date: any, compounding?: any): number {
  return run(() => pikAccruedCell(principal, interest_rate, start_date, completion_date, compounding));
}

/**
 * Price split between shareholder loans at accrued face value and shares, for what each holder sells; loans need not be held pro rata to shares.
 * @customfunction PRICESPLIT PRICESPLIT
 * @param equity_price Price for 100% of the equity at completion, shareholder loans included (e.g. from LOCKEDBOX or COMPLETIONACCOUNTS).
 * @param holdings A table with a header row: Holder, Shares, Loans (accrued face value at completion), Shares sold, Loans sold. Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @returns A table per holder: price for shares, price for loans, total; then the totals and the price per share (equity price less all loans, over all shares). Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function priceSplitFn(equity_price: any, holdings: any[][]): any[][] {
  return run(() => priceSplitCells(equity_price, holdings));
}

/**
 * Sources and uses at closing, with the equity as the plug: equity = total uses - the other sources; the check (sources - uses) is the last row.
 * @customfunction SOURCESUSES SOURCESUSES
 * @param uses A table with a header row: Use, Amount (price paid, refinanced debt, fees, minimum cash, ...). Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [sources] A table with a header row: Source, Amount (acquisition debt, shareholder loans, rollover, seller note, cash, ...), without the equity. Optional. Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [equity_label] Name of the plug row. Default "Equity (plug)".
 * @returns A two-column table: the uses and their total, the sources with the equity plug last and their total, then the check (0). Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function sourcesUsesFn(uses: any[][], sources?: any[][], equity_label?: any): any[][] {
  return run(() => sourcesUsesCells(uses, sources, equity_label));
}

/**
 * Seller's gain on disposal: proceeds less the carrying amount of the part sold, plus, on loss of control, the remeasurement of the part retained at fair value (IFRS 10).
 * @customfunction DISPOSALGAIN DISPOSALGAIN
 * @param proceeds Consideration received for the stake sold.
 * @param carrying_amount Carrying amount (book value) of the net assets at 100%, as consolidated before the sale.
 * @param [stake_sold] Fraction sold (50% = 0.5). Default 100%.
 * @param [retained_fair_value] Fair value of the interest retained, remeasured on loss of control. Optional: empty leaves the part retained at its carrying amount.
 * @param [costs] Costs of the disposal. Default 0.
 * @returns A two-column table: carrying amount of the part sold, gain on the part sold, remeasurement of the part retained, gain on disposal.
 */
export function disposalGainFn(proceeds: any, carrying_amount: any, stake_sold?: any, retained_fair_value?: any, costs?: any): any[][] {
  return run(() => disposalGainCells(proceeds, carrying_amount, stake_sold, retained_fair_value, costs));
}

/**
 * Value creation bridge from entry to exit: EBITDA growth, multiple change, cross term, deleveraging and cash returned add up to the equity gain.
 * @customfunction VALUEBRIDGE VALUEBRIDGE
 * @param entry_ebitda EBITDA at entry.
 * @param entry_multiple EV / EBITDA at entry.
 * @param exit_ebitda EBITDA at exit.
 * @param exit_multiple EV / EBITDA at exit.
 * @param entry_net_debt Net debt at entry.
 * @param exit_net_debt Net debt at exit.
 * @param [cash_returned] Cash returned to the equity during the hold (dividends, loan interest and repayments). Default 0.
 * @param [cross_term] Where EBITDA growth x multiple change goes: "SEPARATE" (default, its own row), "EBITDA" (growth at the exit multiple) or "MULTIPLE" (change on the exit EBITDA).
 * @returns A two-column table: entry equity, EBITDA growth, multiple change, cross term (or where it went), deleveraging, cash returned, gain, exit equity.
 */
export function valueBridgeFn(
  entry_ebitda: any,
  entry_multiple: any,
  exit_ebitda: any,
  exit_multiple: any,
  entry_net_debt: any,
  exit_net_debt: any,
  cash_returned?: any,
  cross_term?: any,
): any[][] {
  return run(() =>
    valueBridgeCells(entry_ebitda, entry_multiple, exit_ebitda, exit_multiple, entry_net_debt, exit_net_debt, cash_returned, cross_term),
  );
}

/**
 * Statistics of comparable deals' multiples (min, quartiles as QUARTILE.INC, median, mean, max) and the implied EV range of a target.
 * @customfunction COMPSTATS COMPSTATS
 * @param comps A table with a header row: Deal, EV, EBITDA, MW, Basis (the capacity basis: built, contracted, under construction, ...). Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [metric] "EV/EBITDA" (default, or "EBITDA") or "EV/MW" (or "MW").
 * @param [basis] For EV/MW: the capacity basis to compare (the other rows are left out, and counted). Required when the comps mix bases.
 * @param [target_metric] The target's EBITDA or MW, to add the implied EV at each statistic. Optional.
 * @returns A table: deals used, then min, first quartile, median, mean, third quartile, max of the multiple, and the implied EV beside each. Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function compStatsFn(comps: any[][], metric?: any, basis?: any, target_metric?: any): any[][] {
  return run(() => compStatsCells(comps, metric, basis, target_metric));
}

/**
 * Sensitivity grid of the buyer's IRR (XIRR convention) over entry EV x exit multiple, computed in one call instead of a What-If data table.
 * @customfunction IRRGRID IRRGRID
 * @param entry_evs Entry enterprise values (a column or a row): the rows of the grid.
 * @param exit_multiples Exit EV / EBITDA multiples (a column or a row): the columns of the grid.
 * @param entry_net_debt Net debt at entry: the buyer pays entry EV - entry net debt.
 * @param exit_ebitda EBITDA at exit.
 * @param exit_net_debt Net debt at exit: the buyer receives exit multiple x exit EBITDA - exit net debt.
 * @param entry_date Entry date.
 * @param exit_date Exit date.
 * @param [interim_flows] Cash received (or paid) by the buyer between entry and exit. Optional.
 * @param [interim_dates] Their dates, beside them (same size).
 * @returns A grid: the exit multiples across, the entry EVs down, the buyer's IRR in each cell. Empty pairs of cells (blank, or 0) at the end of the interim flows are listed in a last "Ignored as empty" row.
 */
export function irrGridFn(
  entry_evs: any[][],
  exit_multiples: any[][],
  entry_net_debt: any,
  exit_ebitda: any,
  exit_net_debt: any,
  entry_date: any,
  exit_date: any,
  interim_flows?: any[][],
  interim_dates?: any[][],
): any[][] {
  return run(() =>
    irrGridCells(entry_evs, exit_multiples, entry_net_debt, exit_ebitda, exit_net_debt, entry_date, exit_date, interim_flows, interim_dates),
  );
}

/**
 * Returns per holder over all its instruments (shares, shareholder loans, preferred, management equity): one IRR (XIRR convention) and one multiple per holder.
 * @customfunction HOLDERRETURNS HOLDERRETURNS
 * @param flows A table with a header row: Holder, Instrument, Date, Amount (negative when the holder pays, positive when it receives). Rows in any order; a holder's flows are sorted by date. Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [guess] Starting rate of the IRR search, as in XIRR. Default 10%.
 * @returns A table, one row per holder in the order they first appear: IRR (actual/365 from its first flow), multiple on invested capital, average cash yield, invested, distributed, net gain, holding period in years, its instruments. Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function holderReturnsFn(flows: any[][], guess?: any): any[][] {
  return run(() => holderReturnsCells(flows, guess));
}

/**
 * Cumulative dividend accrued on a preferred share (or preferred equity) from its issue date, whether or not declared: simple or compounded, on a stated day count.
 * @customfunction PREFACCRUED PREFACCRUED
 * @param principal Issue price the dividend accrues on (per share or in total).
 * @param dividend_rate Annual dividend rate (10% = 0.1).
 * @param issue_date Issue date, or the date of the last dividend paid (a payment restarts the accrual).
 * @param to_date Date to accrue to (exit, redemption, completion), not before issue_date.
 * @param [compounding] "ANNUAL" (default), "SEMIANNUAL", "QUARTERLY", "MONTHLY", "DAILY": principal x ((1 + rate / m)^(m x t) - 1), as PIKACCRUED; or "SIMPLE": principal x rate x t.
 * @param [day_count] How t counts: "ACT/365" (default, days / 365 as XIRR), "ACT/360" (days / 360) or "30/360" (US, as DAYS360).
 * @returns The dividend accrued and unpaid, to add to the preference (not rounded).
 */
export function prefAccruedFn(principal: any, dividend_rate: any, issue_date: any, to_date: any, compounding?: any, day_count?: any): number {
  return run(() => prefAccruedCell(principal, dividend_rate, issue_date, to_date, compounding, day_count));
}

/**
 * Management ratchet at exit: management's share of the exit equity rises from a base share as the investors reach return hurdles; the split adds up to the exit equity.
 * @customfunction RATCHET RATCHET
 * @param exit_equity Ordinary equity value at exit, shared between management and the investors (after debt, loan notes and preferred).
 * @param management_share Management's base share of it, below the first hurdle (15% = 0.15). 0 for a hurdle (growth) share.
 * @param tiers A table with a header row: the hurdle as Exit equity, or as the investors' Multiple and/or IRR (both: both must be met), and the Management share from that hurdle on. Hurdles rise, shares never fall. Unknown headers: a near miss ("Caps") is an error, others are listed in a last row.
 * @param [basis] What the higher share applies to: "EXCESS" (default, the equity above each hurdle: an excess equity ratchet) or "TOTAL" (all the equity once a hurdle is met: a total equity ratchet).
 * @param [invested] What the investors paid for their part of the equity: required by Multiple and IRR hurdles; shows their multiple.
 * @param [entry_date] Date the investors invested: with exit_date, required by IRR hurdles (actual/365); shows their IRR.
 * @param [exit_date] Exit date.
 * @returns A three-column table: the basis, the base share, each tier's hurdle as an exit equity and its share, the tiers met, management's pay-out and share, the investors' pay-out, and their multiple and IRR when invested and the dates are given. Rows read as empty (blank, or 0) are listed in a last "Ignored as empty" row. Columns whose header is not recognised are listed in a last "Columns not read" row.
 */
export function ratchetFn(
  exit_equity: any,
  management_share: any,
  tiers: any[][],
  basis?: any,
  invested?: any,
  entry_date?: any,
  exit_date?: any,
): any[][] {
  return run(() => ratchetCells(exit_equity, management_share, tiers, basis, invested, entry_date, exit_date));
}

/**
 * The stake-sale model: validated inputs -> the engine's results (Decimal) -> one model sheet
 * described as plain data (`SheetSpec`), which every writer renders (Office.js, .xlsx, tests).
 *
 * The sheet calculates on its own: every computed cell is a native Excel formula referencing the
 * input cells (by sheet-scoped defined name, or by address inside the sheet), so the workbook works
 * without the add-in and every number can be audited. With `formulas: "captable"` a cell that a
 * CAPTABLE function computes holds a `=CAPTABLE.*` call instead (array results are read with INDEX,
 * so every cell holds one formula and one value); every other cell stays native.
 * Every formula cell carries `expected`: the engine's value, exact in Decimal, a JS number at the end.
 *
 * Layout (top to bottom, labels in column A):
 * 1. title, subtitle (company, currency, unit, "built by CapTable"), a line describing the deal;
 * 2. inputs: one input cell per driver, each with a defined name (Basis, Valuation, NetDebt,
 *    ShareholderLoans, OtherClaims, Stake, Premium, Capacity, PrimaryInvestment), then the deal
 *    terms that shape the sheet (seller, buyer, transaction, rounding: changed in the taskpane);
 * 3. the EV to equity bridge at 100% before the deal;
 * 4. the equity and debt views (company 100%, stake sold, stake retained; rows as CAPTABLE.DEALVIEW);
 *    for a primary issue the buyer's stake is a stake of the company AFTER the issue (post-money
 *    equity, net debt less the cash raised), at the buyer's ownership after the issue, so that
 *    the buyer's column equals the buyer's look-through columns of the cap table (8.);
 * 5. price paid and premium: shares transferred (secondary), price per new share, new shares and
 *    cash invested (primary);
 * 6. the company at 100% after the deal (primary and both: the cash raised reduces net debt);
 * 7. implied valuation and EV per capacity unit (and implied by the price);
 * 8. the cap table before and after, with the look-through: the holders before the deal are the
 *    Excel table CAP_TABLE (holder and shares before are inputs; % before, shares after, % after
 *    and each holder's look-through share of the company after the deal, ownership after x each
 *    layer (LOOK_THROUGH_LAYERS), one formula down each column), a blank row, a new buyer's row
 *    and the totals, which read the table's columns by name (`SharesBefore`, `OwnershipBefore`,
 *    `SharesAfter`, `OwnershipAfter`, LOOK_THROUGH_NAMES), so a holder added to the table is counted;
 * 9. the checks, and one clustered column chart of ownership before and after over the table's
 *    columns (a holder added to the table is charted).
 */
import {
  Bridge,
  Decimal,
  ImpliedValuation,
  ONE,
  ProFormaRow,
  ShareRounding,
  StakeSale,
  StakeSaleWarning,
  ZERO,
  bridge,
  evPerUnit,
  holderKey,
  impliedValuation,
  issueShares,
  lookThrough,
  pricePerShare,
  primarySharesForTargetStake,
  roundShares,
  secondaryTransfer,
  sharesForInvestmentAtPreMoney,
  stakePrice,
  stakeSale,
  stakeSaleWarnings,
  sum,
} from "../engine";
import type { SheetSpec, StyleName } from "../workbook/spec";
import { modelFormats } from "./numberFormats";
import { SheetBuilder, a1, columnIndex, columnLetters, sheetNameFor, type Check } from "./sheetBuilder";
import { StakeSaleInput } from "./stakeSaleInput";
import { DEFAULT_SHEET_LANGUAGE, sheetText, type SheetLanguage, type SheetText } from "./sheetText";

/** One holder's look-through after the deal: ownership after x each layer of the company at 100%. */
export interface HolderLookThrough {
  readonly holder: string;
  readonly ownership: Decimal;
  readonly view: Bridge;
}

/** The engine's results for a stake-sale model, exact (Decimal). */
export interface StakeSaleResults {
  /** The deal at the deal valuation (CAPTABLE.DEALVIEW): the company at 100% before the deal, stake sold and retained, the stake's price. */
  readonly deal: StakeSale;
  /** Price of the stake at pro rata value (no premium): stake x equity value. */
  readonly proRataValue: Decimal;
  /** Shares in the cap table before the deal. */
  readonly totalSharesBefore: Decimal;
  /** Shares moving from seller to buyer (secondary and both; 0 for a primary): stake x shares before, rounded by the policy. */
  readonly sharesTransferred: Decimal;
  /** Price per new share (primary and both): (equity value x (1 + premium) - shareholder loans) / shares before. */
  readonly pricePerNewShare?: Decimal;
  /** New shares issued to the buyer (primary and both; 0 for a secondary), rounded by the policy. */
  readonly newShares: Decimal;
  /** Cash invested in new shares = new shares x price per new share; it stays in the company. */
  readonly cashRaised: Decimal;
  /** Premium (> 0) or discount (< 0) paid over pro rata value, secondary and primary parts together. */
  readonly premiumAmount: Decimal;
  /** Everything the buyer pays: the price of the stake bought (secondary) plus the cash invested (primary). */
  readonly totalPaid: Decimal;
  /** The company at 100% after the deal (net debt less the cash raised). */
  readonly after: Bridge;
  /** The cap table before and after (holders in input order, a new buyer last). */
  readonly capTable: readonly ProFormaRow[];
  readonly lookThrough: readonly HolderLookThrough[];
  /**
   * The equity and debt views the sheet shows (section 4). Secondary and both: the deal at the deal
   * valuation (`deal`: the stake sold, the company before the deal). Primary: the buyer's stake in
   * the company after the issue (`after`), at the buyer's ownership after the issue, equal to the
   * buyer's look-through.
   */
  readonly views: DealViews;
  /** Valuation at 100% implied by the price (undefined for a secondary of 0%). */
  readonly implied?: ImpliedValuation;
  /** EV per capacity unit, when a capacity is given. */
  readonly evPerUnit?: Decimal;
  /** EV per capacity unit implied by the price. */
  readonly impliedEvPerUnit?: Decimal;
}

/** The equity and debt views: the company at 100%, the stake (sold, or the buyer's after a primary) and the rest. */
export interface DealViews {
  readonly stake: Decimal;
  readonly company: Bridge;
  readonly stakeView: Bridge;
  readonly rest: Bridge;
  /** Capacity at 100%, of the stake and of the rest, when a capacity is given. */
  readonly capacity?: { readonly company: Decimal; readonly stake: Decimal; readonly rest: Decimal };
}

export interface StakeSaleModel {
  readonly kind: "stakeSale";
  readonly schemaVersion: 1;
  /** The validated inputs. */
  readonly input: StakeSaleInput;
  /** The model sheet: what every writer renders. */
  readonly sheet: SheetSpec;
  readonly results: StakeSaleResults;
  /** Inputs that are allowed but look wrong (negative equity, a 0% stake, ...): also written on the sheet, near the inputs. */
  readonly warnings: readonly StakeSaleWarning[];
}

/** The engine's warnings for validated model inputs (the same for the form, the sheet and the command line). */
export function stakeSaleInputWarnings(input: StakeSaleInput): StakeSaleWarning[] {
  const d = (n: number) => new Decimal(n);
  return stakeSaleWarnings({
    valuation: d(input.valuation),
    basis: input.basis,
    netDebt: d(input.netDebt),
    otherClaims: d(input.otherClaims),
    shareholderLoans: d(input.shareholderLoans),
    stake: d(input.stake),
    transaction: input.transaction,
    primaryInvestment: d(input.primaryInvestment),
  });
}

// ---------------------------------------------------------------------------------------------
// Formats: one catalogue for every model (numberFormats.ts), re-exported under the old names.

export { modelFormats, type ModelFormats } from "./numberFormats";

// ---------------------------------------------------------------------------------------------
// Engine

/** The engine's results for validated inputs. */
export function computeStakeSale(input: StakeSaleInput): StakeSaleResults {
  const d = (n: number) => new Decimal(n);
  const stake = d(input.stake);
  const premium = d(input.premium);
  const capacity = input.capacity === null ? undefined : d(input.capacity);
  const deal = stakeSale({
    valuation: d(input.valuation),
    basis: input.basis,
    netDebt: d(input.netDebt),
    otherClaims: d(input.otherClaims),
    shareholderLoans: d(input.shareholderLoans),
    stake,
    premium,
    capacity,
  });
  const company = deal.company;
  const table = input.capTable.map((h) => ({ holder: h.holder, shares: d(h.shares) }));
  const totalSharesBefore = sum(table.map((h) => h.shares));
  const hasSecondary = input.transaction !== "primary";
  const hasPrimary = input.transaction !== "secondary";

  const sharesTransferred = hasSecondary ? roundShares(stake.times(totalSharesBefore), input.rounding) : ZERO;
  const proRataValue = stakePrice(stake, company).total;

  let pricePerNewShare: Decimal | undefined;
  let newShares = ZERO;
  if (hasPrimary) {
    // A 100% strip at the deal price, less the loans at face value: what all the shares are worth.
    const sharesValue = stakePrice(ONE, company, premium).shares;
    pricePerNewShare = pricePerShare(sharesValue, totalSharesBefore);
    newShares =
      input.transaction === "primary"
        ? primarySharesForTargetStake(stake, totalSharesBefore, input.rounding)
        : sharesForInvestmentAtPreMoney(d(input.primaryInvestment), sharesValue, totalSharesBefore, input.rounding);
  }
  const cashRaised = pricePerNewShare === undefined ? ZERO : newShares.times(pricePerNewShare);
  const secondaryPremium = hasSecondary ? deal.price.total.minus(proRataValue) : ZERO;
  const primaryPremium = hasPrimary ? cashRaised.minus(newShares.times(company.shareEquity).div(totalSharesBefore)) : ZERO;

  let capTable: ProFormaRow[];
  if (input.transaction === "secondary") {
    capTable = secondaryTransfer(table, input.seller, input.buyer, sharesTransferred);
  } else if (input.transaction === "primary") {
    capTable = issueShares(table, input.buyer, newShares);
  } else {
    const first = secondaryTransfer(table, input.seller, input.buyer, sharesTransferred);
    const second = issueShares(
      first.map((r) => ({ holder: r.holder, shares: r.sharesAfter })),
      input.buyer,
      newShares,
    );
    capTable = first.map((r, i) => ({ ...second[i], sharesBefore: r.sharesBefore, ownershipBefore: r.ownershipBefore }));
  }

  const after = bridge({
    valuation: company.enterpriseValue,
    basis: "EV",
    netDebt: company.netDebt.minus(cashRaised),
    otherClaims: company.otherClaims,
    shareholderLoans: company.shareholderLoans,
  });

  let implied: ImpliedValuation | undefined;
  if (input.transaction === "primary") {
    implied = impliedValuation({
      price: (pricePerNewShare as Decimal).times(totalSharesBefore).plus(company.shareholderLoans),
      stake: ONE,
      netDebt: company.netDebt,
      otherClaims: company.otherClaims,
    });
  } else if (stake.gt(0)) {
    implied = impliedValuation({ price: deal.price.total, stake, netDebt: company.netDebt, otherClaims: company.otherClaims });
  }

  const lookThroughs = capTable.map((r) => ({ holder: r.holder, ownership: r.ownershipAfter, view: lookThrough(after, r.ownershipAfter) }));
  let views: DealViews;
  if (input.transaction === "primary") {
    const buyer = capTable.find((h) => holderKey(h.holder) === holderKey(input.buyer))!;
    const own = buyer.ownershipAfter;
    views = {
      stake: own,
      company: after,
      stakeView: lookThrough(after, own),
      rest: lookThrough(after, ONE.minus(own)),
      capacity: capacity === undefined ? undefined : { company: capacity, stake: capacity.times(own), rest: capacity.times(ONE.minus(own)) },
    };
  } else {
    views = {
      stake: deal.stake,
      company: deal.company,
      stakeView: deal.sold,
      rest: deal.retained,
      capacity: deal.capacity === undefined ? undefined : { company: deal.capacity.company, stake: deal.capacity.sold, rest: deal.capacity.retained },
    };
  }

  return {
    deal,
    proRataValue,
    totalSharesBefore,
    sharesTransferred,
    pricePerNewShare,
    newShares,
    cashRaised,
    premiumAmount: secondaryPremium.plus(primaryPremium),
    totalPaid: (hasSecondary ? deal.price.total : ZERO).plus(cashRaised),
    after,
    capTable,
    lookThrough: lookThroughs,
    views,
    implied,
    evPerUnit: capacity === undefined ? undefined : evPerUnit(company.enterpriseValue, capacity),
    impliedEvPerUnit: capacity === undefined || implied === undefined ? undefined : evPerUnit(implied.enterpriseValue, capacity),
  };
}

// ---------------------------------------------------------------------------------------------
// Sheet

/** The Excel table of the cap table's holders before the deal (spec.ts TableSpec). */
export const CAP_TABLE = "DealCapTable";

/**
 * The layers of the company after the deal that the cap table looks each holder through (bridge.ts
 * `Bridge` keys), in column order. Four of the bridge's six, so that the sheet prints at a readable
 * scale (test/model/printWidth.test.ts: six columns print 180 to 197 characters wide); the other two
 * follow from them and the note under the table says how: other claims = enterprise value - net
 * debt - equity value, share equity = equity value - shareholder loans.
 */
export const LOOK_THROUGH_LAYERS = ["enterpriseValue", "netDebt", "equityValue", "shareholderLoans"] as const;
export type LookThroughLayer = (typeof LOOK_THROUGH_LAYERS)[number];

/** The defined name of each look-through column of the cap table (the table's structured reference to it). */
export const LOOK_THROUGH_NAMES: Readonly<Record<LookThroughLayer, string>> = {
  enterpriseValue: "HolderEnterpriseValue",
  netDebt: "HolderNetDebt",
  equityValue: "HolderEquityValue",
  shareholderLoans: "HolderShareholderLoans",
};

/** The cap table's first look-through column (0-based: F), after holder, shares and % before, shares and % after. */
const CAP_TABLE_LOOK_THROUGH_FROM = 5;

/** Factors nudging a share count by 1e-14 of itself before rounding it (HyperFormula does not read "1E-14"). */
export const SHARE_NUDGE_UP = "1.00000000000001";
export const SHARE_NUDGE_DOWN = "0.99999999999999";

/**
 * The share-rounding formula of a policy, as Excel writes it: ROUNDDOWN / ROUNDUP / ROUND to whole
 * shares, applied to the count nudged by 1e-14 of itself toward the side the policy rounds away
 * from. A spreadsheet computes in doubles: 50.25% of the shares after an issue with 199 shares
 * before is exactly 201 new shares, but 0.5025 x 199 / (1 - 0.5025) gives 200.99999999999994
 * (0.5025 has no exact double), and ROUNDDOWN alone would lose a share the engine (exact decimals)
 * keeps. The nudge covers that noise (about 1e-16 x (4 + 1 / (1 - stake)) of the count) for
 * stakes up to about 97% in a primary, and is far below a fraction of a share for counts up to
 * 1e10. Outside those bounds a double cannot tell the sheet's count from the next one; the
 * engine's count (the `expected` of the cell) stays exact.
 */
export function roundSharesFormula(expression: string, rounding: ShareRounding): string {
  switch (rounding) {
    case "DOWN":
      return `ROUNDDOWN(${expression}*${SHARE_NUDGE_UP},0)`;
    case "UP":
      return `ROUNDUP(${expression}*${SHARE_NUDGE_DOWN},0)`;
    case "NEAREST":
      return `ROUND(${expression}*${SHARE_NUDGE_UP},0)`;
    case "NONE":
      return expression;
  }
}

/** The name of the sheet a model of this company asks for: "OpCore deal" ("OpCore cession" in French). */
export function stakeSaleSheetName(company: string, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  const t = sheetText(language).stakeSale;
  return sheetNameFor(company, t.sheetSuffix, t.sheetFallback);
}

/** The note beside a seller given for a primary issue (the built-in capital-increase template carries one). */
export const SELLER_NOT_USED = sheetText("en").stakeSale.sellerNotUsed;

/** A stake-sale warning in the sheet's language (the engine's ids and params). */
export function stakeSaleWarningWords(w: StakeSaleWarning, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): string {
  return sheetText(language).stakeSale.warningText(w);
}

/** Builds the stake-sale model: validates the inputs, runs the engine, describes the sheet (in `language`, English by default). */
export function buildStakeSaleModel(input: StakeSaleInput, language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): StakeSaleModel {
  const valid = StakeSaleInput.parse(input);
  const results = computeStakeSale(valid);
  const warnings = stakeSaleInputWarnings(valid);
  return {
    kind: "stakeSale",
    schemaVersion: 1,
    input: valid,
    sheet: describeSheet(valid, results, warnings, sheetText(language), language),
    results,
    warnings,
  };
}

function describeSheet(
  input: StakeSaleInput,
  r: StakeSaleResults,
  warnings: readonly StakeSaleWarning[],
  text: SheetText,
  language: SheetLanguage,
): SheetSpec {
  const t = text.stakeSale;
  const common = text.common;
  const NA = common.na;
  const percentText = common.percent;
  const f = modelFormats(input.currency, input.unit, input.rounding, language);
  const captable = input.formulas === "captable";
  const hasSecondary = input.transaction !== "primary";
  const hasPrimary = input.transaction !== "secondary";
  const hasCapacity = input.capacity !== null;
  const company = r.deal.company;
  const s = new SheetBuilder(stakeSaleSheetName(input.company, language), language);
  const cu = f.currencyLabel;
  const perUnitLabel = t.perUnitLabel(cu, input.capacityUnit);
  // Prices per share are in currency units whatever the unit of amounts: "*1000000" into a price, "/1000000" back to an amount.
  const ps = f.perShareLabel;
  const toCurrency = f.perShareFactor === 1 ? "" : `*${f.perShareFactor}`;
  const toAmount = f.perShareFactor === 1 ? "" : `/${f.perShareFactor}`;

  /** A section band across columns A to `lastColumn`; `unitText` in column B (e.g. "EUR m"). */
  const section = (row: number, title: string, lastColumn = "E", unitText?: string) => {
    s.value(a1("A", row), title, "section");
    for (let c = 1; c <= columnIndex(lastColumn); c++) s.value(a1(columnLetters(c), row), c === 1 && unitText ? unitText : null, "section");
  };
  const label = (row: number, text: string, style: StyleName = "label") => s.value(a1("A", row), text, style);

  // ---- Title ----------------------------------------------------------------------------
  s.value("A1", t.title(input.company), "title");
  s.value("A2", t.subtitle(input.company, input.currency, cu), "subtitle");
  const parties =
    input.transaction === "secondary"
      ? t.partiesSecondary(input.seller, percentText(input.stake), input.buyer)
      : input.transaction === "primary"
        ? t.partiesPrimary(input.buyer, percentText(input.stake))
        : t.partiesBoth(input.seller, percentText(input.stake), input.buyer);
  s.value("A3", t.dealLine(t.transaction[input.transaction], parties), "note");

  // ---- Inputs ---------------------------------------------------------------------------
  // The key-outputs box (rows 5 on) is written last, once the cells it shows are: rows reserved here.
  const keyRow = 5;
  const keyCount = 4 + (hasCapacity ? 1 : 0);
  let row = keyRow + 1 + keyCount + 1;
  section(row, common.inputs);
  row++;
  const input_ = (name: string, text: string, value: number | string, format: string | undefined, note: string, comment: string) => {
    label(row, text);
    s.value(a1("B", row), value, "input", format);
    s.value(a1("C", row), note, "note");
    s.name(name, `$B$${row}`, comment);
    // The input's field: its defined name with a lower-case initial (the cell holds the stored value).
    s.input(`${name.charAt(0).toLowerCase()}${name.slice(1)}`, a1("B", row));
    row++;
    return name;
  };
  input_("Basis", t.basis, input.basis, undefined, t.basisNote, t.basisComment);
  input_("Valuation", t.valuation, input.valuation, f.amount, cu, t.valuationComment);
  input_("NetDebt", t.netDebt, input.netDebt, f.amount, t.netDebtNote(cu), t.netDebtComment);
  input_("ShareholderLoans", t.shareholderLoans, input.shareholderLoans, f.amount, cu, t.shareholderLoansComment);
  input_("OtherClaims", t.otherClaims, input.otherClaims, f.amount, t.otherClaimsNote(cu), t.otherClaimsComment);
  const stakeLabel = input.transaction === "secondary" ? t.stakeSold : input.transaction === "primary" ? t.stakeIssued : t.stakeSoldBySeller;
  input_("Stake", stakeLabel, input.stake, f.percent, t.stakeNote, t.stakeComment);
  input_("Premium", t.premium, input.premium, f.percent, t.premiumNote, t.premiumComment);
  if (hasCapacity) input_("Capacity", t.capacity, input.capacity as number, f.capacity, input.capacityUnit, t.capacityComment);
  if (input.transaction === "both")
    input_("PrimaryInvestment", t.primaryInvestment, input.primaryInvestment, f.amount, cu, t.primaryInvestmentComment);
  const shapes = t.shapes;
  const terms: [string, string, string][] = [];
  // A seller given for a primary issue is shown, as not used: never an argument silently ignored.
  // The values are the stored ones (a transaction and a rounding are keywords, the same in every language).
  if (hasSecondary) terms.push([t.seller, input.seller, shapes]);
  else if (input.seller.trim() !== "") terms.push([t.seller, input.seller, t.sellerNotUsed]);
  terms.push(
    [t.buyer, input.buyer, shapes],
    [t.transactionLabel, t.transactionValue[input.transaction], shapes],
    [t.rounding, input.rounding, shapes],
  );
  const termRows = new Map<string, number>();
  for (const [text, value, note] of terms) {
    termRows.set(text, row);
    label(row, text);
    s.value(a1("B", row), value, "label");
    s.value(a1("C", row), note, "note");
    row++;
  }
  // Inputs that are allowed but look wrong: a visible note under the inputs (the engine's words).
  for (const w of warnings) {
    s.value(a1("A", row), t.warning(t.warningText(w)), "note");
    row++;
  }

  // ---- Bridge ---------------------------------------------------------------------------
  row++;
  section(row, t.bridge);
  row++;
  s.value(a1("B", row), cu, "header");
  row++;
  const ev = a1("B", row);
  label(row, t.enterpriseValue);
  s.formula(
    ev,
    captable
      ? `=IF(Basis="EV",Valuation,CAPTABLE.ENTERPRISEVALUE(Valuation,NetDebt,OtherClaims))`
      : `=IF(Basis="EV",Valuation,Valuation+NetDebt+OtherClaims)`,
    company.enterpriseValue,
    f.amount,
  );
  row++;
  label(row, t.lessNetDebt);
  const nd = s.formula(a1("B", row++), "=NetDebt", company.netDebt, f.amount);
  label(row, t.lessOtherClaims);
  const oc = s.formula(a1("B", row++), "=OtherClaims", company.otherClaims, f.amount);
  label(row, t.equityValue, "total");
  const eq = s.formula(
    a1("B", row++),
    captable
      ? `=IF(Basis="EV",CAPTABLE.EQUITYVALUE(Valuation,NetDebt,OtherClaims),Valuation)`
      : `=IF(Basis="EV",Valuation-NetDebt-OtherClaims,Valuation)`,
    company.equityValue,
    f.amount,
    "total",
  );
  label(row, t.lessShareholderLoans);
  const shl = s.formula(a1("B", row++), "=ShareholderLoans", company.shareholderLoans, f.amount);
  label(row, t.shareEquity, "total");
  const se = s.formula(a1("B", row++), `=${eq}-${shl}`, company.shareEquity, f.amount, "total");

  // ---- Cap table rows are needed by the price block: fix the cap-table layout first -------
  // (addresses only; the cells are written further down)
  const priceRows =
    (hasSecondary ? 7 : 0) + (hasPrimary ? 4 : 0) + (input.transaction === "both" ? 1 : 0) + (input.transaction === "primary" ? 3 : 0);
  const viewRows = 1 + 7 + (hasSecondary ? 1 : 0) + (hasCapacity ? 3 : 0);
  const afterRows = hasPrimary ? 3 + 7 : 0;
  const impliedRows = 1 + 2 + (hasCapacity ? 2 : 0) + 1;
  const viewsStart = row + 1;
  const priceStart = viewsStart + 1 + viewRows + 1;
  const afterStart = priceStart + 1 + priceRows + 1;
  const impliedStart = afterStart + afterRows;
  const capStart = impliedStart + impliedRows;
  const capHeader = capStart + 1;
  const capFirst = capHeader + 1;
  const capRows = r.capTable.length;
  // The holders before the deal are an Excel table (CAP_TABLE): a blank row under it (typing there
  // adds a row to the table), then a new buyer's row and the totals, outside the table.
  const originalLast = capFirst + input.capTable.length - 1;
  const newBuyer = capRows > input.capTable.length;
  const buyerRow = newBuyer ? originalLast + 2 : undefined;
  const capTotal = (buyerRow ?? originalLast + 1) + 1;
  const totalBefore = a1("B", capTotal);
  /** The cap-table row of the i-th holder of the results (input order, a new buyer last). */
  const capRowOf = (i: number) => (i < input.capTable.length ? capFirst + i : (buyerRow as number));

  // ---- Price block addresses (the views reference the price) ------------------------------
  // Written below; computed here so the views can point at them.
  let p = priceStart + 1;
  const at = () => a1("B", p++);
  const priceCells: Record<string, string> = {};
  if (hasSecondary) {
    priceCells.transferred = at();
    priceCells.proRata = at();
    priceCells.premium = at();
    priceCells.price = at();
    priceCells.loans = at();
    priceCells.shares = at();
    priceCells.perShare = at();
  }
  if (hasPrimary) {
    priceCells.pps = at();
    priceCells.newShares = at();
    priceCells.cash = at();
    priceCells.primaryPremium = at();
  }
  if (input.transaction === "primary") {
    priceCells.subscription = at();
    priceCells.subscriptionShares = at();
    priceCells.subscriptionLoans = at();
  }
  if (input.transaction === "both") priceCells.totalPaid = at();
  if (p !== priceStart + 1 + priceRows) throw new Error("internal: price block size");

  // The company after the deal (primary and both): addresses fixed here, cells written below.
  const afterCells = { ev: a1("B", afterStart + 2), cash: a1("B", afterStart + 3), nd: a1("B", afterStart + 4), oc: a1("B", afterStart + 5) };
  const afterEq = a1("B", afterStart + 6);
  const afterShl = a1("B", afterStart + 7);
  const afterSe = a1("B", afterStart + 8);
  // The buyer's line of the cap table (its ownership after the deal).
  const buyerIndex = r.capTable.findIndex((h) => holderKey(h.holder) === holderKey(input.buyer));
  const buyerOwnershipAfter = a1("E", capRowOf(buyerIndex));

  // Implied block addresses.
  let q = impliedStart + 1;
  const impliedEq = a1("B", q++);
  const impliedEv = a1("B", q++);
  const evPerUnitCell = hasCapacity ? a1("B", q++) : "";
  const impliedPerUnitCell = hasCapacity ? a1("B", q++) : "";

  // ---- Equity and debt views ------------------------------------------------------------
  // A primary: the buyer's stake in the company after the issue (post-money), at its ownership
  // after the issue; otherwise the stake sold, in the company before the deal.
  const postMoney = input.transaction === "primary";
  const v = r.views;
  row = viewsStart;
  section(row, postMoney ? t.viewsPostMoney(cu) : t.viewsDeal(cu));
  row++;
  const dealViewCall = postMoney
    ? `CAPTABLE.DEALVIEW(${buyerOwnershipAfter},${afterEq},"EQUITY",${afterCells.nd},ShareholderLoans,OtherClaims${hasCapacity ? ",,Capacity" : ""})`
    : `CAPTABLE.DEALVIEW(Stake,Valuation,Basis,NetDebt,ShareholderLoans,OtherClaims,Premium${hasCapacity ? ",Capacity" : ""})`;
  const viaDealView = (viewRow: number, viewCol: number) => `=INDEX(${dealViewCall},${viewRow},${viewCol})`;
  s.value(a1("B", row), postMoney ? t.companyAfterIssue : t.company, "header");
  s.value(a1("C", row), postMoney ? t.stakeBuyer : t.stakeSold, "header");
  s.value(a1("D", row), postMoney ? t.otherHolders : t.stakeRetained, "header");
  row++;
  const stakeRow = row;
  label(row, postMoney ? t.stakeOwnershipAfter : t.stake);
  s.value(a1("B", row), 1, "calc", f.percent);
  s.formula(a1("C", row), captable ? viaDealView(2, 3) : postMoney ? `=${buyerOwnershipAfter}` : "=Stake", v.stake, f.percent);
  s.formula(a1("D", row), captable ? viaDealView(2, 4) : `=1-C${stakeRow}`, ONE.minus(v.stake), f.percent);
  row++;
  const sources = postMoney
    ? { ev: afterCells.ev, nd: afterCells.nd, oc: afterCells.oc, eq: afterEq, shl: afterShl, se: afterSe }
    : { ev, nd, oc, eq, shl, se };
  const layers: [string, string, (b: Bridge) => Decimal, StyleName][] = [
    [t.enterpriseValue, sources.ev, (b) => b.enterpriseValue, "calc"],
    [t.netDebtLayer, sources.nd, (b) => b.netDebt, "calc"],
    [t.otherClaimsLayer, sources.oc, (b) => b.otherClaims, "calc"],
    [t.equityValue, sources.eq, (b) => b.equityValue, "total"],
    [t.shareholderLoansLayer, sources.shl, (b) => b.shareholderLoans, "calc"],
    [t.shareEquity, sources.se, (b) => b.shareEquity, "total"],
  ];
  layers.forEach(([text, source, pick, style], i) => {
    label(row, text, style === "total" ? "total" : "label");
    const viewRow = 3 + i;
    s.formula(a1("B", row), captable ? viaDealView(viewRow, 2) : `=${source}`, pick(v.company), f.amount, style);
    s.formula(a1("C", row), captable ? viaDealView(viewRow, 3) : `=B${row}*C$${stakeRow}`, pick(v.stakeView), f.amount, style);
    s.formula(a1("D", row), captable ? viaDealView(viewRow, 4) : `=B${row}*D$${stakeRow}`, pick(v.rest), f.amount, style);
    row++;
  });
  if (hasSecondary) {
    label(row, t.pricePaidForStake);
    s.formula(a1("C", row), captable ? viaDealView(9, 3) : `=${priceCells.price}`, r.deal.price.total, f.amount, "total");
    row++;
  }
  if (hasCapacity) {
    const cap = v.capacity!;
    const capRow = row;
    label(row, t.capacityOf(input.capacityUnit));
    s.formula(a1("B", row), captable ? viaDealView(10, 2) : "=Capacity", cap.company, f.capacity);
    s.formula(a1("C", row), captable ? viaDealView(10, 3) : `=B${capRow}*C$${stakeRow}`, cap.stake, f.capacity);
    s.formula(a1("D", row), captable ? viaDealView(10, 4) : `=B${capRow}*D$${stakeRow}`, cap.rest, f.capacity);
    row++;
    label(row, t.evPer(input.capacityUnit, perUnitLabel));
    for (const [c, col] of [
      ["B", 2],
      ["C", 3],
      ["D", 4],
    ] as const) {
      s.formula(a1(c, row), captable ? viaDealView(11, col) : `=${evPerUnitCell}`, r.deal.evPerUnit!, f.perUnit);
    }
    row++;
    label(row, t.evPerImpliedByStake(input.capacityUnit));
    const impliedPerUnit = r.deal.impliedEvPerUnit;
    if (captable && !postMoney) {
      s.formula(a1("C", row), viaDealView(12, 3), impliedPerUnit ?? "", f.perUnit);
    } else if (hasSecondary) {
      s.formula(a1("C", row), `=${impliedPerUnitCell}`, impliedPerUnit ?? NA, f.perUnit);
    } else {
      // A primary: the price of the stake at the deal valuation, as DEALVIEW computes it.
      s.formula(a1("C", row), `=IF(Stake>0,(${eq}*(1+Premium)+NetDebt+OtherClaims)/Capacity,"${NA}")`, impliedPerUnit ?? NA, f.perUnit);
    }
    row++;
  }
  if (row !== viewsStart + 1 + viewRows) throw new Error("internal: views block size");

  // ---- Price paid -----------------------------------------------------------------------
  row = priceStart;
  section(row, t.pricePaid, "E", cu);
  const rounded = (expression: string) => roundSharesFormula(expression, input.rounding);
  // On the equity value of the bridge (whichever the basis): STAKEVALUE refuses a net debt on the
  // equity basis, where the sheet still uses it for the EV.
  const stakeValue = (component?: string) =>
    `CAPTABLE.STAKEVALUE(Stake,${eq},"EQUITY",,ShareholderLoans,,Premium${component ? `,"${component}"` : ""})`;
  if (hasSecondary) {
    const c = priceCells;
    label(rowOf(c.transferred), t.sharesTransferred(t.roundingWord[input.rounding]));
    s.formula(c.transferred, `=${rounded(`Stake*${totalBefore}`)}`, r.sharesTransferred, f.shares);
    label(rowOf(c.proRata), t.proRataValue);
    s.formula(c.proRata, captable ? `=CAPTABLE.STAKEVALUE(Stake,${eq},"EQUITY")` : `=Stake*${eq}`, r.proRataValue, f.amount);
    label(rowOf(c.premium), t.premium);
    s.formula(c.premium, `=${c.price}-${c.proRata}`, r.deal.price.total.minus(r.proRataValue), f.amount);
    label(rowOf(c.price), t.pricePaidForStake, "total");
    s.formula(c.price, captable ? `=${stakeValue()}` : `=Stake*${eq}*(1+Premium)`, r.deal.price.total, f.amount, "total");
    label(rowOf(c.loans), t.ofWhichLoans);
    s.formula(c.loans, captable ? `=${stakeValue("LOANS")}` : `=Stake*${shl}`, r.deal.price.shareholderLoans, f.amount);
    label(rowOf(c.shares), t.ofWhichShares);
    s.formula(c.shares, captable ? `=${stakeValue("SHARES")}` : `=${c.price}-${c.loans}`, r.deal.price.shares, f.amount);
    label(rowOf(c.perShare), t.pricePerShareTransferred(ps));
    s.formula(
      c.perShare,
      `=IF(${c.transferred}>0,${c.shares}${toCurrency}/${c.transferred},"${NA}")`,
      r.sharesTransferred.gt(0) ? r.deal.price.shares.times(f.perShareFactor).div(r.sharesTransferred) : NA,
      f.pricePerShare,
    );
  }
  if (hasPrimary) {
    const c = priceCells;
    label(rowOf(c.pps), t.pricePerNewShare(ps));
    s.formula(
      c.pps,
      captable
        ? `=CAPTABLE.PRICEPERSHARE(${eq}*(1+Premium)-${shl},${totalBefore})${toCurrency}`
        : `=(${eq}*(1+Premium)-${shl})${toCurrency}/${totalBefore}`,
      r.pricePerNewShare!.times(f.perShareFactor),
      f.pricePerShare,
    );
    if (input.transaction === "primary") {
      label(rowOf(c.newShares), t.newSharesForStake(t.roundingWord[input.rounding]));
      s.formula(
        c.newShares,
        captable ? `=CAPTABLE.PRIMARYSHARES(Stake,${totalBefore},"${input.rounding}")` : `=${rounded(`Stake*${totalBefore}/(1-Stake)`)}`,
        r.newShares,
        f.shares,
      );
    } else {
      label(rowOf(c.newShares), t.newSharesForInvestment(t.roundingWord[input.rounding]));
      s.formula(c.newShares, `=${rounded(`PrimaryInvestment${toCurrency}/${c.pps}`)}`, r.newShares, f.shares);
    }
    label(rowOf(c.cash), t.cashInvested, "total");
    s.formula(c.cash, `=${c.newShares}*${c.pps}${toAmount}`, r.cashRaised, f.amount, "total");
    label(rowOf(c.primaryPremium), t.primaryPremium);
    s.formula(
      c.primaryPremium,
      `=${c.cash}-${c.newShares}*${se}/${totalBefore}`,
      r.cashRaised.minus(r.newShares.times(company.shareEquity).div(r.totalSharesBefore)),
      f.amount,
    );
  }
  if (input.transaction === "primary") {
    const c = priceCells;
    label(rowOf(c.subscription), t.pricePaidByBuyer, "total");
    s.formula(c.subscription, `=${c.cash}`, r.totalPaid, f.amount, "total");
    label(rowOf(c.subscriptionShares), t.ofWhichShares);
    s.formula(c.subscriptionShares, `=${c.cash}`, r.cashRaised, f.amount);
    label(rowOf(c.subscriptionLoans), t.ofWhichLoansPrimary);
    s.value(c.subscriptionLoans, 0, "calc", f.amount);
  }
  if (input.transaction === "both") {
    label(rowOf(priceCells.totalPaid), t.totalPaid, "total");
    s.formula(priceCells.totalPaid, `=${priceCells.price}+${priceCells.cash}`, r.totalPaid, f.amount, "total");
  }

  // ---- Company after the deal -----------------------------------------------------------
  let after = { ev, nd, oc, eq, shl, se };
  if (hasPrimary) {
    row = afterStart;
    section(row, t.companyAfter);
    row++;
    s.value(a1("B", row), cu, "header");
    row++;
    label(row, t.evUnchanged);
    const aEv = s.formula(a1("B", row++), `=${ev}`, r.after.enterpriseValue, f.amount);
    label(row, t.cashRaised);
    const aCash = s.formula(a1("B", row++), `=${priceCells.cash}`, r.cashRaised, f.amount);
    label(row, t.lessNetDebtAfter);
    const aNd = s.formula(a1("B", row++), `=NetDebt-${aCash}`, r.after.netDebt, f.amount);
    label(row, t.lessOtherClaims);
    const aOc = s.formula(a1("B", row++), "=OtherClaims", r.after.otherClaims, f.amount);
    label(row, t.equityValueAfter, "total");
    const aEq = s.formula(
      a1("B", row++),
      captable ? `=CAPTABLE.EQUITYVALUE(${aEv},${aNd},${aOc})` : `=${aEv}-${aNd}-${aOc}`,
      r.after.equityValue,
      f.amount,
      "total",
    );
    label(row, t.lessShareholderLoans);
    const aShl = s.formula(a1("B", row++), "=ShareholderLoans", r.after.shareholderLoans, f.amount);
    label(row, t.shareEquityAfter, "total");
    const aSe = s.formula(a1("B", row++), `=${aEq}-${aShl}`, r.after.shareEquity, f.amount, "total");
    row++;
    if (row !== afterStart + afterRows) throw new Error("internal: after block size");
    if (aEv !== afterCells.ev || aNd !== afterCells.nd || aEq !== afterEq || aSe !== afterSe) throw new Error("internal: after block layout");
    after = { ev: aEv, nd: aNd, oc: aOc, eq: aEq, shl: aShl, se: aSe };
  }

  // ---- Implied valuation ----------------------------------------------------------------
  row = impliedStart;
  section(row, t.impliedValuation, "E", cu);
  const impliedEqValue = r.implied?.equityValue ?? NA;
  const impliedEvValue = r.implied?.enterpriseValue ?? NA;
  if (input.transaction === "primary") {
    label(rowOf(impliedEq), t.impliedEquityByNewShare);
    s.formula(impliedEq, `=${priceCells.pps}*${totalBefore}${toAmount}+ShareholderLoans`, impliedEqValue, f.amount);
    label(rowOf(impliedEv), t.impliedEvByNewShare);
    s.formula(
      impliedEv,
      captable ? `=CAPTABLE.ENTERPRISEVALUE(${impliedEq},NetDebt,OtherClaims)` : `=${impliedEq}+NetDebt+OtherClaims`,
      impliedEvValue,
      f.amount,
    );
  } else {
    label(rowOf(impliedEq), t.impliedEquityByStake);
    s.formula(
      impliedEq,
      captable ? `=IF(Stake>0,CAPTABLE.IMPLIEDVALUE(${priceCells.price},Stake),"${NA}")` : `=IF(Stake>0,${priceCells.price}/Stake,"${NA}")`,
      impliedEqValue,
      f.amount,
    );
    label(rowOf(impliedEv), t.impliedEvByStake);
    s.formula(
      impliedEv,
      captable
        ? `=IF(Stake>0,CAPTABLE.IMPLIEDVALUE(${priceCells.price},Stake,"EV",NetDebt,OtherClaims),"${NA}")`
        : `=IF(ISNUMBER(${impliedEq}),${impliedEq}+NetDebt+OtherClaims,"${NA}")`,
      impliedEvValue,
      f.amount,
    );
  }
  if (hasCapacity) {
    label(rowOf(evPerUnitCell), t.evPer(input.capacityUnit, perUnitLabel));
    s.formula(evPerUnitCell, captable ? `=CAPTABLE.EVPERUNIT(${ev},Capacity)` : `=${ev}/Capacity`, r.evPerUnit!, f.perUnit);
    label(rowOf(impliedPerUnitCell), t.evPerImplied(input.capacityUnit, perUnitLabel));
    s.formula(
      impliedPerUnitCell,
      captable
        ? `=IF(ISNUMBER(${impliedEv}),CAPTABLE.EVPERUNIT(${impliedEv},Capacity),"${NA}")`
        : `=IF(ISNUMBER(${impliedEv}),${impliedEv}/Capacity,"${NA}")`,
      r.impliedEvPerUnit ?? NA,
      f.perUnit,
    );
  }

  // The look-through columns of the cap table (F on): each holder's share of the company after the
  // deal, layer by layer (LOOK_THROUGH_LAYERS), each read from the layer's cell of the company after.
  const layerSource: Record<LookThroughLayer, string> = {
    enterpriseValue: after.ev,
    netDebt: after.nd,
    equityValue: after.eq,
    shareholderLoans: after.shl,
  };
  const lookThroughLayers = LOOK_THROUGH_LAYERS.map((layer, k) => ({
    layer,
    header: t.lookThroughLayer[layer],
    comment: t.lookThroughComment(t.lookThroughLayer[layer]),
    name: LOOK_THROUGH_NAMES[layer],
    letter: columnLetters(CAP_TABLE_LOOK_THROUGH_FROM + k),
    source: layerSource[layer],
    pick: (b: Bridge) => b[layer],
  }));
  const lastCapColumn = columnLetters(CAP_TABLE_LOOK_THROUGH_FROM + LOOK_THROUGH_LAYERS.length - 1);

  // ---- Cap table and look-through ---------------------------------------------------------
  // The holders' rows are the Excel table CAP_TABLE (holder and shares before are its inputs; %
  // before, shares after, % after and each holder's look-through share of the company after the
  // deal its calculated columns: one formula down each column, the seller and the buyer found by
  // name), so a holder added to the table is counted by every total, check and look-through column
  // and charted: the totals and the checks read the table's columns through defined names (its
  // structured references, tables.ts). A new buyer's row and the totals sit under the table.
  row = capStart;
  section(row, t.capTableLookThrough(cu), lastCapColumn);
  row = capHeader;
  [...t.capTableHeaders, ...lookThroughLayers.map((l) => l.header)].forEach((h, i) => s.value(a1(columnLetters(i), row), h, "header"));
  const column = (name: string, letter: string, index: number, comment: string) =>
    s.name(name, `$${letter}$${capFirst}:$${letter}$${originalLast}`, comment, { table: CAP_TABLE, column: index });
  column("SharesBefore", "B", 1, t.sharesBeforeComment);
  column("OwnershipBefore", "C", 2, t.ownershipBeforeComment);
  column("SharesAfter", "D", 3, t.sharesAfterComment);
  column("OwnershipAfter", "E", 4, t.ownershipAfterComment);
  lookThroughLayers.forEach((l, k) => column(l.name, l.letter, CAP_TABLE_LOOK_THROUGH_FROM + k, l.comment));
  s.input("capTable", `A${capFirst}:B${originalLast}`, ["holder", "shares"], CAP_TABLE);
  // The deal terms' cells (seller, buyer) that the shares-after column compares each holder with
  // (Excel compares texts case-insensitively, as holderKey; the names are stored trimmed).
  const termCell = (text: string) => a1("B", termRows.get(text) as number);
  const sharesAfterFormula = (rr: number) => {
    let f = `=B${rr}`;
    if (hasSecondary) f += `-IF(A${rr}=${absolute(termCell(t.seller))},${absolute(priceCells.transferred)},0)`;
    const bought = [...(hasSecondary ? [absolute(priceCells.transferred)] : []), ...(hasPrimary ? [absolute(priceCells.newShares)] : [])].join("+");
    return `${f}+IF(A${rr}=${absolute(termCell(t.buyer))},${bought},0)`;
  };
  const ownershipCall = "CAPTABLE.OWNERSHIP(SharesBefore)";
  r.capTable.forEach((h, i) => {
    const rr = capRowOf(i);
    const original = i < input.capTable.length;
    s.value(a1("A", rr), h.holder, original ? "input" : "label");
    if (original) s.value(a1("B", rr), input.capTable[i].shares, "input", f.shares);
    else s.value(a1("B", rr), 0, "calc", f.shares);
    s.formula(
      a1("C", rr),
      captable && original ? `=INDEX(${ownershipCall},${i + 1},1)` : `=B${rr}/${absolute(totalBefore)}`,
      h.ownershipBefore,
      f.percent,
    );
    s.formula(a1("D", rr), sharesAfterFormula(rr), h.sharesAfter, f.shares);
    s.formula(a1("E", rr), `=D${rr}/${absolute(a1("D", capTotal))}`, h.ownershipAfter, f.percent);
    // Look-through: ownership after x each layer of the company after the deal (engine: lookThrough).
    const view = r.lookThrough[i].view;
    for (const l of lookThroughLayers) s.formula(a1(l.letter, rr), `=E${rr}*${absolute(l.source)}`, l.pick(view), f.amount);
  });
  s.table(CAP_TABLE, `A${capHeader}:${lastCapColumn}${originalLast}`);
  const plusBuyer = (letter: string) => (buyerRow === undefined ? "" : `+${letter}${buyerRow}`);
  label(capTotal, common.total, "total");
  s.formula(totalBefore, "=SUM(SharesBefore)", r.totalSharesBefore, f.shares, "total");
  s.formula(a1("C", capTotal), `=SUM(OwnershipBefore)${plusBuyer("C")}`, sum(r.capTable.map((h) => h.ownershipBefore)), f.percent, "total");
  s.formula(a1("D", capTotal), `=SUM(SharesAfter)${plusBuyer("D")}`, sum(r.capTable.map((h) => h.sharesAfter)), f.shares, "total");
  s.formula(a1("E", capTotal), `=SUM(OwnershipAfter)${plusBuyer("E")}`, sum(r.capTable.map((h) => h.ownershipAfter)), f.percent, "total");
  for (const l of lookThroughLayers) {
    s.formula(a1(l.letter, capTotal), `=SUM(${l.name})${plusBuyer(l.letter)}`, sum(r.lookThrough.map((h) => l.pick(h.view))), f.amount, "total");
  }
  row = capTotal + 1;
  s.value(a1("A", row), t.lookThroughNote, "note");

  // ---- Checks ---------------------------------------------------------------------------
  row += 2;
  const bridgeSum = (b: Bridge) => b.enterpriseValue.minus(b.netDebt).minus(b.otherClaims).minus(b.shareholderLoans);
  const checks: Check[] = [
    {
      label: t.checkOwnership,
      left: a1("E", capTotal),
      right: "1",
      engine: [sum(r.capTable.map((h) => h.ownershipAfter)), ONE],
    },
    {
      label: t.checkBridge,
      left: `${ev}-${nd}-${oc}-${shl}`,
      right: se,
      scale: `ABS(${ev})+ABS(${nd})+ABS(${oc})+ABS(${shl})`,
      engine: [bridgeSum(company), company.shareEquity],
      format: f.amount,
    },
    {
      label: t.checkViews,
      left: `C${stakeRow + 4}+D${stakeRow + 4}`,
      right: `B${stakeRow + 4}`,
      scale: `ABS(C${stakeRow + 4})+ABS(D${stakeRow + 4})`,
      engine: [v.stakeView.equityValue.plus(v.rest.equityValue), v.company.equityValue],
      format: f.amount,
    },
    {
      label: t.checkShares,
      left: `D${capTotal}`,
      right: hasPrimary ? `${totalBefore}+${priceCells.newShares}` : totalBefore,
      engine: [sum(r.capTable.map((h) => h.sharesAfter)), r.totalSharesBefore.plus(r.newShares)],
      format: f.shares,
    },
    {
      label: t.checkLookThrough,
      left: a1(lookThroughLayers.find((l) => l.layer === "enterpriseValue")!.letter, capTotal),
      right: after.ev,
      engine: [sum(r.lookThrough.map((h) => h.view.enterpriseValue)), r.after.enterpriseValue],
      format: f.amount,
    },
  ];
  if (hasSecondary)
    checks.push({
      label: t.checkPrice,
      left: priceCells.price,
      right: `${priceCells.shares}+${priceCells.loans}`,
      scale: `ABS(${priceCells.shares})+ABS(${priceCells.loans})`,
      engine: [r.deal.price.total, r.deal.price.shares.plus(r.deal.price.shareholderLoans)],
      format: f.amount,
    });
  if (hasPrimary)
    checks.push({
      label: t.checkCash,
      left: priceCells.cash,
      right: `NetDebt-${afterCells.nd}`,
      scale: `ABS(NetDebt)+ABS(${afterCells.nd})`,
      engine: [r.cashRaised, company.netDebt.minus(r.after.netDebt)],
      format: f.amount,
    });
  const checksRow = row;
  s.checks(row, common.checks, checks);
  row += 1 + checks.length;

  // ---- Key outputs (top of the sheet) ---------------------------------------------------
  const paid =
    input.transaction === "secondary" ? priceCells.price : input.transaction === "primary" ? priceCells.subscription : priceCells.totalPaid;
  const keyEnd = s.keyOutputs(keyRow, common.keyOutputs(cu), [
    { label: input.transaction === "secondary" ? t.pricePaidForStake : t.pricePaidByBuyer, ref: paid },
    { label: t.keyImpliedEv, ref: impliedEv },
    ...(hasCapacity ? [{ label: t.evPerImplied(input.capacityUnit, perUnitLabel), ref: impliedPerUnitCell }] : []),
    { label: t.keyOwnership(input.buyer), ref: buyerOwnershipAfter },
  ]);
  s.checksSummary(keyEnd, common.checksBelow);
  if (keyEnd !== keyRow + keyCount) throw new Error("internal: key outputs size");

  // ---- Chart ------------------------------------------------------------------------------
  // Over the cap table's own columns (holder; % before and % after), from its first data row to
  // its last (a new buyer: to the buyer's row, the blank row under the table between them), so
  // that a row added to the table is charted. Excel grows a chart whose series cover a table's
  // columns with the table (a row typed under it, Tab in its last cell, Insert > Table Rows), and
  // a row inserted inside a range a series covers widens the series, as it widens a formula's
  // range (sources in spec.ts ChartSpec.seriesColumns).
  s.chart({
    type: "clusteredColumn",
    title: t.chartTitle,
    dataRange: `A${capHeader}:E${buyerRow ?? originalLast}`,
    seriesBy: "columns",
    seriesColumns: ["C", "E"],
    // Beside the checks (their labels in A, their results in B), inside the printed columns: the
    // sheet prints on as many pages in French, whose wrapped labels make it taller, as in English.
    from: `D${checksRow + 1}`,
    to: `${lastCapColumn}${checksRow + 14}`,
  });

  s.bandTo(lastCapColumn);
  s.printable(t.footer(input.company));
  return s.build();
}

function rowOf(address: string): number {
  return Number(/[0-9]+$/.exec(address)![0]);
}

function absolute(address: string): string {
  const m = /^([A-Z]+)([0-9]+)$/.exec(address)!;
  return `$${m[1]}$${m[2]}`;
}

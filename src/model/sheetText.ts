/**
 * Every word a model sheet shows, in each language the sheets are built in: labels, section
 * titles, notes, warnings, key outputs, the checks block, the print footer, chart titles, default
 * sheet names and the comments of defined names. One `en` object, and `fr` typed as `SheetText`
 * (the English's type), so the compiler checks that French has every key; text with numbers or
 * names is a function of them.
 *
 * The language is a build option (`buildModel(inputs, { language })`), never part of the stored
 * inputs: the same model rebuilds in either language, and its stored XML is the same.
 *
 * What stays as it is in every language (values, not words):
 * - input cells hold the stored values ("EV", "DOWN", "NONE", "SAFE", "YES"), which the sheet's
 *   formulas and the CAPTABLE functions read as keywords;
 * - headers of the tables the CAPTABLE functions read (Classes, Holdings, Instruments, Investors)
 *   are words those functions accept (src/functions/venture.ts `headers`), in either language;
 * - the table CAPTABLE.PRICEDROUND spills is the function's result (its own header and summary
 *   labels, in English), so that the cached values are what the add-in computes again;
 * - number format codes: Excel keeps them in one invariant syntax ("." decimal point, ","
 *   thousands separator) and shows them with the separators of the user's locale; the localised
 *   spelling is the separate `NumberFormatLocal` property, which the writers never set (sources in
 *   src/model/numberFormats.ts).
 *
 * French typography (decided here, tested in test/model/sheetText.test.ts): a no-break space
 * U+00A0 before ":", ";", "?", "!" and "%", and inside « ». The narrow no-break space U+202F is
 * the Imprimerie nationale's choice before ; ? ! but Calibri-era fonts and LibreOffice's
 * substitutes do not all have it (it shows as a box); U+00A0 is in every font and never breaks a
 * line. The French strings below are written with ordinary spaces and `typeset` turns them into
 * no-break spaces, so no one has to type U+00A0 by hand.
 *
 * New model kinds (deal pricing, cap-table history) add their own namespace next to `exitWaterfall`
 * in `en` (and the compiler then asks for it in `fr`).
 */

import { stakeSaleWarningText, type StakeSaleWarning } from "../engine";

/** The languages a model sheet is built in. */
export const SHEET_LANGUAGES = ["en", "fr"] as const;
export type SheetLanguage = (typeof SHEET_LANGUAGES)[number];
export const DEFAULT_SHEET_LANGUAGE: SheetLanguage = "en";

export function isSheetLanguage(value: unknown): value is SheetLanguage {
  return typeof value === "string" && (SHEET_LANGUAGES as readonly string[]).includes(value);
}

/** A number as French writes it: decimal comma ("12,5"). */
function frNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** A fraction as a percentage the way a deal note writes it: 0.5 -> "50%" (12 significant digits, no float noise). */
function percentOf(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}

const en = {
  common: {
    na: "n/a",
    total: "Total",
    holder: "Holder",
    before: "Before",
    after: "After",
    inputs: "Inputs",
    keyOutputs: (unit: string) => `Key outputs (${unit})`,
    checks: "Checks",
    checksBelow: "Checks (below)",
    checkOk: "OK",
    checkFailed: "See the checks",
    /** Print footer, centre (Excel's &P page and &N pages). */
    footerPage: "Page &P of &N",
    percent: (fraction: number) => `${percentOf(fraction)}%`,
    /** "EUR", "EUR k", "EUR m": the unit of amounts shown in headers. */
    currencyUnit: { units: (c: string) => c, thousands: (c: string) => `${c} k`, millions: (c: string) => `${c} m` },
    addInNote: (cells: string) =>
      `Cells ${cells} call the CapTable add-in (=CAPTABLE.*). Without it they show the values computed when the file was written; ` +
      `open the file in Excel with the CapTable add-in and press Rebuild in its taskpane to make them live.`,
    /** A "to fill" note of a template (src/templates/presentation.ts). */
    toFill: (note: string) => `To fill: ${note}`,
    toFillDefault: "replace with your own figure",
  },
  stakeSale: {
    sheetSuffix: " deal",
    sheetFallback: "Stake sale",
    title: (company: string) => `${company}: stake sale`,
    subtitle: (company: string, currency: string, unit: string) => `${company} · ${currency} · amounts in ${unit} · built by CapTable`,
    transaction: {
      secondary: "secondary sale (existing shares change hands)",
      primary: "primary issue (new shares for cash)",
      both: "secondary sale and primary issue",
    },
    partiesSecondary: (seller: string, stake: string, buyer: string) => `${seller} sells ${stake} to ${buyer}`,
    partiesPrimary: (buyer: string, stake: string) => `${buyer} subscribes new shares making up ${stake} of the shares after the issue`,
    partiesBoth: (seller: string, stake: string, buyer: string) => `${seller} sells ${stake} to ${buyer}, who also invests in new shares`,
    dealLine: (transaction: string, parties: string) => `Deal: ${transaction}: ${parties}. Blue cells are inputs.`,
    basis: "Valuation basis",
    basisNote: '"EV" (enterprise value) or "EQUITY" (equity value incl. shareholder loans)',
    basisComment: "Basis of the headline valuation",
    valuation: "Headline valuation (100%)",
    valuationComment: "Headline valuation at 100%, on the basis",
    netDebt: "Net debt (excl. shareholder loans)",
    netDebtNote: (unit: string) => `${unit}: third-party debt less cash`,
    netDebtComment: "Net debt excluding shareholder loans",
    shareholderLoans: "Shareholder loans (face value)",
    shareholderLoansComment: "Shareholder loans at face value, at 100%",
    otherClaims: "Other claims",
    otherClaimsNote: (unit: string) => `${unit}: minorities, preferred, debt-like items`,
    otherClaimsComment: "Other claims ahead of shareholders",
    stakeSold: "Stake sold",
    stakeIssued: "Stake issued (of the shares after the issue)",
    stakeSoldBySeller: "Stake sold by the seller",
    stakeNote: "of the equity (shares and shareholder loans)",
    stakeComment: "Stake of the equity",
    premium: "Premium / (discount)",
    premiumNote: "on the pro rata price; negative for a discount",
    premiumComment: "Control premium or minority discount",
    capacity: "Capacity (100%)",
    capacityComment: "Capacity at 100%",
    primaryInvestment: "Primary investment by the buyer",
    primaryInvestmentComment: "New money for new shares",
    shapes: "set in the taskpane (shapes the sheet)",
    seller: "Seller",
    buyer: "Buyer",
    transactionLabel: "Transaction",
    /** The transaction as the terms show it (not read by any formula). */
    transactionValue: { secondary: "secondary", primary: "primary", both: "both" },
    rounding: "Share rounding",
    sellerNotUsed: "(not used in a primary issue: new shares have no seller)",
    warning: (text: string) => `Warning: ${text}.`,
    bridge: "EV to equity bridge (100%, before the deal)",
    enterpriseValue: "Enterprise value",
    lessNetDebt: "Less: net debt",
    lessOtherClaims: "Less: other claims",
    equityValue: "Equity value (incl. shareholder loans)",
    lessShareholderLoans: "Less: shareholder loans",
    shareEquity: "Share equity",
    viewsPostMoney: (unit: string) => `Equity and debt views (${unit}): the buyer's stake in the company after the issue (post-money)`,
    viewsDeal: (unit: string) => `Equity and debt views (${unit}): the stake at the deal valuation`,
    companyAfterIssue: "Company after the issue (100%)",
    company: "Company (100%)",
    stakeBuyer: "Stake (buyer)",
    otherHolders: "Other holders",
    stakeRetained: "Stake retained",
    stakeOwnershipAfter: "Stake (ownership after the issue)",
    stake: "Stake",
    netDebtLayer: "Net debt",
    otherClaimsLayer: "Other claims",
    shareholderLoansLayer: "Shareholder loans",
    pricePaidForStake: "Price paid for the stake",
    capacityOf: (unit: string) => `Capacity (${unit})`,
    evPer: (unit: string, perUnit: string) => `EV per ${unit} (${perUnit})`,
    perUnitLabel: (currency: string, unit: string) => `${currency} per ${unit}`,
    evPerImpliedByStake: (unit: string) => `EV per ${unit} implied by the price of the stake`,
    pricePaid: "Price paid",
    sharesTransferred: (rounding: string) => `Shares transferred (stake x shares before, ${rounding})`,
    proRataValue: "Pro rata value (stake x equity value)",
    ofWhichLoans: "  of which shareholder loans (face value)",
    ofWhichShares: "  of which shares",
    ofWhichLoansPrimary: "  of which shareholder loans",
    pricePerShareTransferred: (currency: string) => `Price per share transferred (${currency})`,
    pricePerNewShare: (currency: string) => `Price per new share (${currency}): (equity value x (1 + premium) - loans) / shares before`,
    newSharesForStake: (rounding: string) => `New shares issued (stake / (1 - stake) x shares before, ${rounding})`,
    newSharesForInvestment: (rounding: string) => `New shares issued (investment / price per new share, ${rounding})`,
    /** The rounding policy in a label ("down", "nearest"). */
    roundingWord: { DOWN: "down", UP: "up", NEAREST: "nearest", NONE: "none" },
    cashInvested: "Cash invested in new shares (stays in the company)",
    primaryPremium: "Premium / (discount) on the new shares",
    pricePaidByBuyer: "Price paid by the buyer",
    totalPaid: "Total paid by the buyer (stake + new shares)",
    companyAfter: "The company after the deal (100%)",
    evUnchanged: "Enterprise value (unchanged by the cash)",
    cashRaised: "Cash raised",
    lessNetDebtAfter: "Less: net debt after the deal",
    equityValueAfter: "Equity value after the deal (incl. shareholder loans)",
    shareEquityAfter: "Share equity after the deal",
    impliedValuation: "Implied valuation",
    impliedEquityByNewShare: "Equity value (100%) implied by the price per new share (pre-money, incl. loans)",
    impliedEvByNewShare: "Enterprise value implied by the price per new share",
    impliedEquityByStake: "Equity value (100%) implied by the price of the stake",
    impliedEvByStake: "Enterprise value implied by the price of the stake",
    evPerImplied: (unit: string, perUnit: string) => `EV per ${unit} implied by the price (${perUnit})`,
    capTable: "Cap table before and after the deal",
    capTableHeaders: ["Holder", "Shares before", "% before", "Shares after", "% after"],
    sharesBeforeComment: "Shares held before the deal, one row per holder",
    lookThrough: (unit: string) => `Look-through after the deal (${unit}): each holder's share of the company at 100%`,
    lookThroughHeaders: ["Holder", "Ownership", "Enterprise value", "Net debt", "Other claims", "Equity value", "Shareholder loans", "Share equity"],
    lookThroughNote:
      "Each holder's share = its ownership of the shares after the deal x each layer of the company at 100% (shareholder loans taken as held pro rata to shares, as strips).",
    checkOwnership: "Ownership after the deal adds up to 100%",
    checkBridge: "Bridge: EV - net debt - claims - loans = share equity",
    checkViews: "Stake + rest = company (equity value, views)",
    checkShares: "Shares after = shares before + new shares",
    checkLookThrough: "Look-through adds up to the company after (EV)",
    checkPrice: "Price of the stake = shares + loans (sources = uses)",
    checkCash: "Cash raised = fall in net debt (sources = uses)",
    keyImpliedEv: "Enterprise value (100%) implied by the price",
    keyOwnership: (buyer: string) => `${buyer}: ownership after the deal`,
    chartTitle: "Ownership before and after the deal",
    footer: (company: string) => `${company}: stake sale`,
    /** The engine's warnings on the inputs (src/engine/stakeSaleWarnings.ts: ids and params; its English words). */
    warningText: (w: StakeSaleWarning): string => stakeSaleWarningText(w),
  },
  pricedRound: {
    sheetSuffix: " round",
    sheetFallback: "Priced round",
    title: (company: string) => `${company}: priced round with option pool`,
    subtitle: (unit: string) =>
      `${unit}; built by CapTable. The round is one CAPTABLE.PRICEDROUND table (needs the CapTable add-in to recalculate); the rest are native formulas on it.`,
    preMoney: (unit: string) => `Pre-money valuation (${unit})`,
    preMoneyComment: "Pre-money valuation, including the pool increase and the converting SAFEs and notes",
    poolTarget: "Option pool target (% of post-money fully diluted)",
    poolTargetComment: "Unissued pool after the round, fraction of post-money fully diluted shares",
    poolIncrease: "Option pool increase (shares, instead of a target)",
    poolIncreaseComment: "Shares added to the pool",
    none: "none",
    poolRow: "Option pool row (unissued pool in the cap table)",
    poolRowComment: "The cap-table row that is the unissued option pool",
    rounding: "Share rounding",
    roundingComment: "DOWN, UP, NEAREST or NONE",
    capTable: "Cap table before the round (fully diluted)",
    /** Headers the CAPTABLE functions read (src/functions/venture.ts). */
    capTableHeaders: ["Holder", "Shares"],
    holdersComment: "Holders before the round",
    sharesComment: "Fully diluted shares before the round",
    newMoney: "New money",
    investorHeader: "Investor",
    amountHeader: (unit: string) => `Amount (${unit})`,
    investorsComment: "New money: investor and amount, with a header row",
    newMoneyAmountsComment: "New money: the amounts",
    instruments: "SAFEs and notes converting (a note with an interest rate converts principal plus accrued interest)",
    instrumentHeaders: {
      holder: "Holder",
      type: "Type",
      amount: "Amount",
      cap: "Cap",
      discount: "Discount",
      mfn: "MFN",
      rate: "Interest rate",
      start: "Start date",
      conversion: "Conversion date",
      dayCount: "Day count",
      compounding: "Compounding",
      capBasis: "Cap basis",
    },
    instrumentsComment: "SAFEs and notes converting, with a header row",
    summary: "Round summary",
    pricePerShare: (currency: string) => `Price per share (${currency})`,
    newMoneyOf: (unit: string) => `New money (${unit})`,
    postMoney: (unit: string) => `Post-money valuation (${unit}) = pre-money + new money`,
    preMoneyShares: "Pre-money fully diluted shares",
    postMoneyShares: "Post-money fully diluted shares",
    poolIncreaseShares: "Option pool increase (shares)",
    companyCapitalization: "Company capitalization (post-money SAFE)",
    roundingUsed: "Share rounding used",
    poolRowUsed: "Option pool row (the unissued pool topped up)",
    postMoneyAtPrice: (unit: string) => `Post-money value at the round price (${unit}) = price x post-money shares, after rounding`,
    table: "Post-money cap table and round (CAPTABLE.PRICEDROUND: one formula, spilled; needs the add-in)",
    whyAddIn:
      "Why the add-in: which term converts each SAFE and note (cap, discount or round price, and MFN) is a fixed point the engine finds by iteration, with the price and the pool top-up; cell formulas have no loop. Given the terms the solve is closed-form; the summary above and the ownership below are native formulas on this table.",
    ownership: "Ownership before and after the round",
    chartTitle: "Ownership before and after the round",
    checkOwnership: "Ownership after the round adds up to 100%",
    checkShares: "Shares after = shares before + shares issued",
    checkCapTable: "Shares before in the round = the cap table's (every row used)",
    keyPrice: (currency: string) => `Round price per share (${currency})`,
    keyPreMoney: "Pre-money valuation",
    keyPostMoney: "Post-money valuation",
    keyPoolIncrease: "Option pool increase (shares)",
    footer: (company: string) => `${company}: priced round`,
  },
  exitWaterfall: {
    sheetSuffix: " exit",
    sheetFallback: "Exit waterfall",
    title: (company: string) => `${company}: exit waterfall`,
    subtitle: (company: string, currency: string, unit: string) =>
      `${company} · ${currency} · amounts in ${unit} · built by CapTable · recalculates without the add-in`,
    intro:
      "Results are native formulas (no add-in needed): debt and costs first, preferences by seniority, then the residual per as-converted share; the workings at the bottom show each step. Blue cells are inputs.",
    crossCheck: (calls: string) => `With the CapTable add-in, ${calls} give the same tables, as a cross-check.`,
    exitValue: "Exit value (EV)",
    exitValueNote: "Headline exit enterprise value",
    exitValueComment: "Headline exit enterprise value",
    netDebt: "Net debt",
    netDebtNote: "Repaid at exit, before the shareholders",
    netDebtComment: "Net debt repaid at exit",
    transactionCosts: "Transaction costs",
    transactionCostsNote: "Paid at exit, before the shareholders",
    transactionCostsComment: "Transaction costs paid at exit",
    otherClaims: "Other claims",
    otherClaimsNote: "Ahead of the shareholders",
    otherClaimsComment: "Other claims ahead of the shareholders",
    classes: "Share classes",
    /** Headers CAPTABLE.WATERFALL reads (src/functions/venture.ts `readClasses`). */
    classHeaders: ["Class", "Shares", "Invested", "Preference", "Seniority", "Participation", "Cap", "Conversion ratio", "Strike"],
    classesComment: "The share classes with their header row, as CAPTABLE.WATERFALL reads them",
    classesNote:
      "Preference and Cap are multiples of invested capital; Seniority 1 is paid first (equal ranks pari passu); Participation NONE, FULL or CAPPED; Strike for options and warrants.",
    holdings: "Holdings",
    /** Headers CAPTABLE.WATERFALL reads (Holder, Class, Shares), then Invested. */
    holdingHeaders: ["Holder", "Class", "Shares", "Invested"],
    holdingsComment: "Who holds the classes (Holder, Class, Shares) with the header row, as CAPTABLE.WATERFALL reads them",
    holdingsNote:
      "One row per holder and class; a holder may hold several classes. Each holder takes its class's payout pro rata to the shares it holds.",
    /** The treatment of a class in the workings (compared by the formulas, so one word each). */
    treatment: { option: "Option", convertible: "Convertible", residual: "Shares the residual" },
    /** What a class did at the exit (the engine's `classOutcome`). */
    outcome: {
      Exercised: "Exercised",
      "Out of the money": "Out of the money",
      Converts: "Converts",
      "Preference + participation (capped)": "Preference + participation (capped)",
      "Preference + participation": "Preference + participation",
      Preference: "Preference",
      Common: "Common",
    },
    payout: (unit: string) => `Payout per class at the exit value (${unit})`,
    payoutHeaders: ["Class", "Shares", "Preference", "Participation", "Total", "Per share", "Multiple on invested", "Decision"],
    proceeds: "Proceeds to equity",
    proceedsComment: "Proceeds to equity at the exit value",
    proceedsNote: "= exit value - net debt - other claims - transaction costs, never below 0",
    residual: "Residual per as-converted share",
    residualComment: "Residual per as-converted share at the exit value",
    residualNote: "0 until the preferences are paid; read off the breakpoints below",
    holderPayout: (unit: string) => `Payout per holder at the exit value (${unit})`,
    holderPayoutHeaders: ["Holder", "Class", "Shares", "Total", "Per share", "Share of proceeds", "Multiple (MOIC)"],
    heldByListed: "Held by the holders listed",
    notAttributed: "Not attributed to a listed holder",
    notAttributedNote: "= proceeds to equity - held by the holders listed: the shares of a class no holder above holds",
    totalPerHolder: (unit: string) => `Total per holder at the exit value (${unit})`,
    classesHeld: "Classes held",
    shareOfProceeds: "Share of proceeds",
    moic: "Multiple (MOIC)",
    severalClassesNote: "A holder of several classes: the sum of its rows above; the multiple when the cost of each of its holdings is given.",
    sensitivity: (unit: string) => `Payout by class across exit values (${unit})`,
    exitValueHeader: "Exit value",
    residualPerShare: "Residual per share",
    exitValuesComment: "Exit enterprise values of the sensitivity, one row each",
    sensitivityNote: "One row per exit value (inputs in column A); each class's total payout; the chart stacks them.",
    chartTitle: "Payout by class across exit values",
    breakpoints: (unit: string) => `Breakpoints: where the split changes (${unit})`,
    breakpointHeaders: ["Exit value", "Proceeds to equity", "Residual per share", "Event"],
    eventRow: "Event row",
    ratePerUnit: "Residual per share per unit above",
    noBreakpoint: "No breakpoint: every class shares pro rata from the first euro",
    breakpointsMissing: "Breakpoints missing from this table",
    breakpointCheckComment: "0 while every breakpoint of the classes' terms has a row in the breakpoints table",
    breakpointCheckNote:
      "0 while the table lists every breakpoint; if you change the classes' terms so that there are more, it shows #N/A: rebuild the sheet.",
    breakpointsNote:
      "Between two breakpoints the residual per as-converted share grows linearly with the proceeds (the last column: its rate); each class's payout is read off it.",
    workings: "Workings: each class's terms",
    workingHeaders: [
      "Class",
      "As-converted shares",
      "Preference",
      "Senior preferences",
      "Preferences of its rank",
      "Treatment",
      "Cap total",
      "Cap point (per share)",
      "Converts above (per share)",
    ],
    asConvertedComment: "As-converted shares of all classes",
    totalPreferencesComment: "Liquidation preferences of all classes",
    workingsNote:
      "Preference = invested x multiple, paid by seniority (pari passu within a rank, pro rata to preference). Convertible classes keep their preference, with participation up to the cap point, until the residual per share passes cap total / as-converted shares; then they convert.",
    events: "Workings: breakpoint events, in order",
    eventHeaders: ["Class", "Event", "Residual per share", "Proceeds to equity", "Applies", "Order"],
    /** Breakpoint events: the text before the class names, and after a class's name (formula pieces and engine values). */
    eventPreferencePaid: "Preference paid in full: ",
    eventInTheMoney: " in the money (strike ",
    eventCapReached: " participation cap reached",
    eventConverts: " converts to common",
    eventsNote:
      "Applies 1 for an event of the classes' terms; Order numbers them as the breakpoints table lists them (SMALL-free: each counts the events before it).",
    checkPayouts: "Payouts to the classes = proceeds to equity",
    checkTotal: "Preference + participation = total payout",
    checkProceeds: "Proceeds = exit value - debt - claims - costs, min. 0",
    keyExitValue: "Exit value (EV)",
    keyProceeds: "Proceeds to equity",
    keyResidual: "Residual per as-converted share",
    footer: (company: string) => `${company}: exit waterfall`,
  },
  /** The cap-table history model (src/model/capTableHistoryModel.ts); its common words come from `common`, `pricedRound` and `exitWaterfall`. */
  capTableHistory: {
    sheetSuffix: " history",
    sheetFallback: "Cap table history",
    title: (company: string) => `${company}: cap table history`,
    subtitle: (cur: string) =>
      `${cur}; built by CapTable. Sums, ownership and checks are native formulas; the replay, vesting, round and waterfall are the engine's values (rebuild after editing inputs).`,
    basisNote:
      "Bases: Outstanding = shares issued and outstanding, each class in its own shares. Fully diluted = outstanding as converted to common + options outstanding (vested or not) + each plan's available pool; SAFEs and notes are NOT included (their shares depend on a round). Fully diluted with convertibles = under the next round stated below.",
    asOf: "Cap table as of (YYYY-MM-DD)",
    asOfComment: "The date of the cap table (events dated that day count)",
    rounding: "Share rounding (next round)",
    classes: "Share classes and their terms",
    classHeaders: ["Class", "Kind", "Issue price", "Preference (x)", "Seniority (1 = first)", "Participation", "Cap (x)", "Conversion ratio"],
    plans: "Option plans",
    planHeaders: ["Plan", "Reserved at adoption"],
    events: "Events, in date order (each row one security: OCF semantics)",
    eventHeaders: [
      "Date",
      "Type",
      "Holder",
      "Class",
      "Plan",
      "Shares",
      "Strike",
      "Amount",
      "Cap",
      "Discount",
      "Vesting months",
      "Cliff months",
      "Vesting start",
      "Shares issued",
      "Outstanding after",
      "Engine replay (after the date)",
      "Reconciles",
    ],
    asOfSection: (date: string) => `Cap table as of ${date}`,
    tableHeaders: [
      "Outstanding shares",
      "As converted",
      "Options outstanding",
      "Options vested",
      "Fully diluted",
      "% outstanding",
      "% fully diluted",
    ],
    conversionRatioRow: "Conversion ratio (to common)",
    available: (plan: string) => `${plan} (available pool)`,
    /** The round table's pool row (the engine names it "<plan> (available)", src/engine/history/nextRound.ts). */
    poolInRound: (plan: string) => `${plan} (available)`,
    basisOutstanding: "Basis: outstanding shares (issued, each class in its own shares)",
    basisFullyDiluted: "Basis: fully diluted (as converted + options outstanding + available pool; convertibles excluded)",
    convertibles: "SAFEs and notes outstanding (not in fully diluted: they convert in the next round)",
    convertibleHeaders: ["Holder", "Type", "Amount", "Cap", "Discount"],
    planPositions: "Option plans as of the date",
    planPositionHeaders: ["Plan", "Reserved", "Granted (outstanding)", "Exercised", "Available"],
    warnings: "Warnings",
    round: (series: string) => `Next round: ${series} (starts from the cap table above; its SAFEs and notes convert)`,
    source: (source: string) => `Source of the figures: ${source}`,
    roundInputs: [
      "Round date",
      "Series",
      "Pre-money valuation",
      "Option pool target (% of post-money FD)",
      "Option pool increase (shares, instead of a target)",
      "Preference (x)",
      "Seniority",
      "Participation",
      "Cap (x)",
    ],
    investorHeaders: ["Investor", "Amount"],
    roundSummary: [
      "Price per share",
      "New money",
      "Post-money valuation = pre-money + new money",
      "Pre-money fully diluted shares",
      "Option pool increase",
      "Post-money fully diluted shares",
    ],
    roundTable: "Fully diluted with convertibles under the stated round (post-money cap table)",
    basisUnderRound: (series: string, date: string) =>
      `Basis: fully diluted with convertibles under ${series} on ${date} (SAFEs and notes converted at the round's terms)`,
    roundHeaders: ["Holder", "Shares before", "Shares issued", "Shares after", "% after"],
    assumptions: "Assumptions the conversion needed",
    noRound: "Fully diluted with convertibles: no next round stated (add one to see the SAFEs and notes converted).",
    exit: "Exit: the waterfall on the classes and holdings of the history (and the next round)",
    exitBasis:
      "Options outstanding are exercised when in the money (vested or not: full acceleration at the exit assumed); the unissued pool takes nothing. SAFEs converted in the round form their own class with the series' terms, preference on the amount paid (shadow series).",
    exitUnconverted: (count: number, amount: number, cur: string) =>
      `Not in the waterfall: ${count} SAFE(s) or note(s) outstanding (${amount.toLocaleString("en-US")} ${cur}), not converted (their terms at a liquidity event are not modelled): add a next round to convert them first.`,
    exitClassHeaders: ["Class", "Shares", "Invested", "Preference (x)", "Seniority", "Participation", "Cap (x)", "Conversion ratio", "Strike"],
    payoutByClass: "Payout by class",
    payoutByHolder: "Payout by holder",
    /** Class names the exit waterfall gives the options of one strike (the engine's strike, "0.5") and the converted SAFEs and notes. */
    options: (strike: string) => `Options at ${strike}`,
    converted: (series: string) => `${series} (converted SAFEs and notes)`,
    checkOutstanding: "Ownership (outstanding) adds up to 100%",
    checkFullyDiluted: "Ownership (fully diluted) adds up to 100%",
    checkReconcile: "Shares reconcile event date by event date (native running count = engine replay)",
    checkAsOf: "Outstanding shares as of the date = the events' shares issued up to it",
    checkRoundShares: "Shares after the round = shares before + shares issued",
    checkExit: "Payouts by class add up to the proceeds at every exit value",
    checkHolders: "Payouts by holder add up to the payouts by class",
    sameDate: "on the date's last row",
    keyOutstanding: (date: string) => `Outstanding shares as of ${date}`,
    keyFullyDiluted: "Fully diluted shares (convertibles excluded)",
    keyPrice: (series: string, cur: string) => `${series} price per share (${cur})`,
    keyPostMoney: "Post-money valuation of the next round",
    keyProceeds: "Proceeds to equity at the first exit value",
  },
  // Deal pricing and cap-table history (model kinds to come) add their namespaces here.
};

/** The words of every model sheet, in one language (the English's shape). */
export type SheetText = typeof en;

const fr: SheetText = {
  common: {
    na: "n.d.",
    total: "Total",
    holder: "Actionnaire",
    before: "Avant",
    after: "Après",
    inputs: "Hypothèses",
    keyOutputs: (unit: string) => `Principaux résultats (${unit})`,
    checks: "Contrôles",
    checksBelow: "Contrôles (ci-dessous)",
    checkOk: "OK",
    checkFailed: "Voir les contrôles",
    footerPage: "Page &P sur &N",
    percent: (fraction: number) => `${frNumber(percentOf(fraction))} %`,
    currencyUnit: { units: (c: string) => c, thousands: (c: string) => `k${c}`, millions: (c: string) => `M${c}` },
    addInNote: (cells: string) =>
      `Les cellules ${cells} appellent le complément CapTable (=CAPTABLE.*). Sans lui, elles affichent les valeurs calculées à l’écriture du fichier ; ` +
      `ouvrez le fichier dans Excel avec le complément CapTable et cliquez sur Reconstruire dans son volet pour les recalculer.`,
    toFill: (note: string) => `À compléter : ${note}`,
    toFillDefault: "remplacez par votre propre chiffre",
  },
  stakeSale: {
    sheetSuffix: " cession",
    sheetFallback: "Cession de participation",
    title: (company: string) => `${company} : cession de participation`,
    subtitle: (company: string, currency: string, unit: string) => `${company} · ${currency} · montants en ${unit} · établi avec CapTable`,
    transaction: {
      secondary: "cession secondaire (des actions existantes changent de mains)",
      primary: "augmentation de capital (actions nouvelles émises contre numéraire)",
      both: "cession secondaire et augmentation de capital",
    },
    partiesSecondary: (seller: string, stake: string, buyer: string) => `${seller} cède ${stake} à ${buyer}`,
    partiesPrimary: (buyer: string, stake: string) => `${buyer} souscrit des actions nouvelles représentant ${stake} des actions après l’émission`,
    partiesBoth: (seller: string, stake: string, buyer: string) => `${seller} cède ${stake} à ${buyer}, qui souscrit aussi des actions nouvelles`,
    dealLine: (transaction: string, parties: string) => `Opération : ${transaction} ; ${parties}. Les cellules bleues sont les hypothèses.`,
    basis: "Base de la valorisation",
    basisNote: "« EV » (valeur d’entreprise) ou « EQUITY » (valeur des capitaux propres, comptes courants d’associés compris)",
    basisComment: "Base de la valorisation affichée",
    valuation: "Valorisation affichée (100 %)",
    valuationComment: "Valorisation affichée à 100 %, sur la base choisie",
    netDebt: "Dette nette (hors comptes courants d’associés)",
    netDebtNote: (unit: string) => `${unit} : dette financière externe moins la trésorerie`,
    netDebtComment: "Dette nette hors comptes courants d’associés",
    shareholderLoans: "Comptes courants d’associés (valeur nominale)",
    shareholderLoansComment: "Comptes courants d’associés à leur valeur nominale, à 100 %",
    otherClaims: "Autres ajustements",
    otherClaimsNote: (unit: string) => `${unit} : intérêts minoritaires, actions de préférence, éléments assimilés à de la dette`,
    otherClaimsComment: "Autres droits de rang supérieur aux actionnaires",
    stakeSold: "Participation cédée",
    stakeIssued: "Participation émise (en % des actions après l’émission)",
    stakeSoldBySeller: "Participation cédée par le cédant",
    stakeNote: "des capitaux propres (actions et comptes courants d’associés)",
    stakeComment: "Part des capitaux propres",
    premium: "Prime / (décote)",
    premiumNote: "sur le prix au prorata ; négative pour une décote",
    premiumComment: "Prime de contrôle ou décote de minorité",
    capacity: "Capacité (100 %)",
    capacityComment: "Capacité à 100 %",
    primaryInvestment: "Investissement primaire de l’acquéreur",
    primaryInvestmentComment: "Argent frais pour des actions nouvelles",
    shapes: "choisi dans le volet (détermine la feuille)",
    seller: "Cédant",
    buyer: "Acquéreur",
    transactionLabel: "Opération",
    transactionValue: { secondary: "cession secondaire", primary: "augmentation de capital", both: "cession et augmentation de capital" },
    rounding: "Arrondi des actions",
    sellerNotUsed: "(sans objet dans une augmentation de capital : les actions nouvelles n’ont pas de cédant)",
    warning: (text: string) => `Attention : ${text}.`,
    bridge: "Passage de la valeur d’entreprise aux capitaux propres (100 %, avant l’opération)",
    enterpriseValue: "Valeur d’entreprise",
    lessNetDebt: "Moins : dette nette",
    lessOtherClaims: "Moins : autres ajustements",
    equityValue: "Valeur des capitaux propres (comptes courants d’associés compris)",
    lessShareholderLoans: "Moins : comptes courants d’associés",
    shareEquity: "Valeur des actions",
    viewsPostMoney: (unit: string) =>
      `Vues capitaux propres et dette (${unit}) : la participation de l’acquéreur dans la société après l’émission (post-money)`,
    viewsDeal: (unit: string) => `Vues capitaux propres et dette (${unit}) : la participation à la valorisation de l’opération`,
    companyAfterIssue: "Société après l’émission (100 %)",
    company: "Société (100 %)",
    stakeBuyer: "Participation (acquéreur)",
    otherHolders: "Autres actionnaires",
    stakeRetained: "Participation conservée",
    stakeOwnershipAfter: "Participation (détention après l’émission)",
    stake: "Participation",
    netDebtLayer: "Dette nette",
    otherClaimsLayer: "Autres ajustements",
    shareholderLoansLayer: "Comptes courants d’associés",
    pricePaidForStake: "Prix payé pour la participation",
    capacityOf: (unit: string) => `Capacité (${unit})`,
    evPer: (unit: string, perUnit: string) => `VE par ${unit} (${perUnit})`,
    perUnitLabel: (currency: string, unit: string) => `${currency} par ${unit}`,
    evPerImpliedByStake: (unit: string) => `VE par ${unit} induite par le prix de la participation`,
    pricePaid: "Prix payé",
    sharesTransferred: (rounding: string) => `Actions cédées (participation x actions avant, ${rounding})`,
    proRataValue: "Valeur au prorata (participation x valeur des capitaux propres)",
    ofWhichLoans: "  dont comptes courants d’associés (valeur nominale)",
    ofWhichShares: "  dont actions",
    ofWhichLoansPrimary: "  dont comptes courants d’associés",
    pricePerShareTransferred: (currency: string) => `Prix par action cédée (${currency})`,
    pricePerNewShare: (currency: string) =>
      `Prix par action nouvelle (${currency}) : (capitaux propres x (1 + prime) - comptes courants) / actions avant`,
    newSharesForStake: (rounding: string) => `Actions nouvelles émises (participation / (1 - participation) x actions avant, ${rounding})`,
    newSharesForInvestment: (rounding: string) => `Actions nouvelles émises (investissement / prix par action nouvelle, ${rounding})`,
    roundingWord: { DOWN: "arrondi inférieur", UP: "arrondi supérieur", NEAREST: "arrondi au plus proche", NONE: "sans arrondi" },
    cashInvested: "Numéraire investi en actions nouvelles (reste dans la société)",
    primaryPremium: "Prime / (décote) sur les actions nouvelles",
    pricePaidByBuyer: "Prix payé par l’acquéreur",
    totalPaid: "Total payé par l’acquéreur (participation + actions nouvelles)",
    companyAfter: "La société après l’opération (100 %)",
    evUnchanged: "Valeur d’entreprise (inchangée par le numéraire)",
    cashRaised: "Numéraire levé",
    lessNetDebtAfter: "Moins : dette nette après l’opération",
    equityValueAfter: "Valeur des capitaux propres après l’opération (comptes courants d’associés compris)",
    shareEquityAfter: "Valeur des actions après l’opération",
    impliedValuation: "Valorisation induite",
    impliedEquityByNewShare: "Valeur des capitaux propres (100 %) induite par le prix par action nouvelle (pré-money, comptes courants compris)",
    impliedEvByNewShare: "Valeur d’entreprise induite par le prix par action nouvelle",
    impliedEquityByStake: "Valeur des capitaux propres (100 %) induite par le prix de la participation",
    impliedEvByStake: "Valeur d’entreprise induite par le prix de la participation",
    evPerImplied: (unit: string, perUnit: string) => `VE par ${unit} induite par le prix (${perUnit})`,
    capTable: "Table de capitalisation avant et après l’opération",
    capTableHeaders: ["Actionnaire", "Actions avant", "% avant", "Actions après", "% après"],
    sharesBeforeComment: "Actions détenues avant l’opération, une ligne par actionnaire",
    lookThrough: (unit: string) => `Transparence après l’opération (${unit}) : la part de chaque actionnaire dans la société à 100 %`,
    lookThroughHeaders: [
      "Actionnaire",
      "Détention",
      "Valeur d’entreprise",
      "Dette nette",
      "Autres ajustements",
      "Capitaux propres",
      "Comptes courants d’associés",
      "Valeur des actions",
    ],
    lookThroughNote:
      "Part de chaque actionnaire = sa détention des actions après l’opération x chaque strate de la société à 100 % (comptes courants d’associés supposés détenus au prorata des actions, en strips).",
    checkOwnership: "La détention après l’opération totalise 100 %",
    checkBridge: "Passage : VE - dette nette - ajustements - comptes courants = valeur des actions",
    checkViews: "Participation + reste = société (capitaux propres, vues)",
    checkShares: "Actions après = actions avant + actions nouvelles",
    checkLookThrough: "La transparence totalise la société après l’opération (VE)",
    checkPrice: "Prix de la participation = actions + comptes courants (emplois = ressources)",
    checkCash: "Numéraire levé = baisse de la dette nette (emplois = ressources)",
    keyImpliedEv: "Valeur d’entreprise (100 %) induite par le prix",
    keyOwnership: (buyer: string) => `${buyer} : détention après l’opération`,
    chartTitle: "Détention avant et après l’opération",
    footer: (company: string) => `${company} : cession de participation`,
    warningText: (w: StakeSaleWarning): string => frenchWarning(w),
  },
  pricedRound: {
    sheetSuffix: " levée",
    sheetFallback: "Levée de fonds",
    title: (company: string) => `${company} : levée de fonds avec pool d’options`,
    subtitle: (unit: string) =>
      `${unit} ; établi avec CapTable. Le tour est un seul tableau CAPTABLE.PRICEDROUND (recalculé par le complément CapTable) ; le reste est en formules Excel natives sur ce tableau.`,
    preMoney: (unit: string) => `Valorisation pré-money (${unit})`,
    preMoneyComment: "Valorisation pré-money, complément du pool et SAFE et obligations convertibles qui se convertissent compris",
    poolTarget: "Pool d’options cible (% du post-money entièrement dilué)",
    poolTargetComment: "Pool non attribué après le tour, en fraction des actions post-money entièrement diluées",
    poolIncrease: "Complément du pool d’options (en actions, au lieu d’une cible)",
    poolIncreaseComment: "Actions ajoutées au pool",
    none: "aucun",
    poolRow: "Ligne du pool d’options (pool non attribué dans la table)",
    poolRowComment: "La ligne de la table de capitalisation qui est le pool d’options non attribuées",
    rounding: "Arrondi des actions",
    roundingComment: "DOWN, UP, NEAREST ou NONE",
    capTable: "Table de capitalisation avant le tour (entièrement diluée)",
    capTableHeaders: ["Détenteur", "Actions"],
    holdersComment: "Actionnaires avant le tour",
    sharesComment: "Actions entièrement diluées avant le tour",
    newMoney: "Argent frais",
    investorHeader: "Investisseur",
    amountHeader: (unit: string) => `Montant (${unit})`,
    investorsComment: "Argent frais : investisseur et montant, avec une ligne d’en-tête",
    newMoneyAmountsComment: "Argent frais : les montants",
    instruments:
      "SAFE et obligations convertibles qui se convertissent (une obligation portant intérêt convertit le principal plus les intérêts courus)",
    instrumentHeaders: {
      holder: "Détenteur",
      type: "Type",
      amount: "Montant",
      cap: "Plafond",
      discount: "Décote",
      mfn: "MFN",
      rate: "Taux",
      start: "Date d’émission",
      conversion: "Date de conversion",
      dayCount: "Base",
      compounding: "Capitalisation",
      capBasis: "Base du plafond",
    },
    instrumentsComment: "SAFE et obligations convertibles qui se convertissent, avec une ligne d’en-tête",
    summary: "Synthèse du tour",
    pricePerShare: (currency: string) => `Prix par action (${currency})`,
    newMoneyOf: (unit: string) => `Argent frais (${unit})`,
    postMoney: (unit: string) => `Valorisation post-money (${unit}) = pré-money + argent frais`,
    preMoneyShares: "Actions pré-money entièrement diluées",
    postMoneyShares: "Actions post-money entièrement diluées",
    poolIncreaseShares: "Complément du pool d’options (actions)",
    companyCapitalization: "Company Capitalization (SAFE post-money)",
    roundingUsed: "Arrondi des actions retenu",
    poolRowUsed: "Ligne du pool d’options (le pool non attribué complété)",
    postMoneyAtPrice: (unit: string) => `Valeur post-money au prix du tour (${unit}) = prix x actions post-money, après arrondi`,
    table: "Table de capitalisation post-money et tour (CAPTABLE.PRICEDROUND : une formule, étendue ; nécessite le complément)",
    whyAddIn:
      "Pourquoi le complément : le terme auquel chaque SAFE et chaque obligation se convertit (plafond, décote ou prix du tour, et MFN) est un point fixe que le moteur trouve par itération, avec le prix et le complément du pool ; les formules de cellule n’ont pas de boucle. Une fois les termes connus, le calcul est explicite ; la synthèse ci-dessus et la détention ci-dessous sont des formules natives sur ce tableau.",
    ownership: "Détention avant et après le tour",
    chartTitle: "Détention avant et après le tour",
    checkOwnership: "La détention après le tour totalise 100 %",
    checkShares: "Actions après = actions avant + actions émises",
    checkCapTable: "Actions avant dans le tour = celles de la table (toutes les lignes lues)",
    keyPrice: (currency: string) => `Prix par action du tour (${currency})`,
    keyPreMoney: "Valorisation pré-money",
    keyPostMoney: "Valorisation post-money",
    keyPoolIncrease: "Complément du pool d’options (actions)",
    footer: (company: string) => `${company} : levée de fonds`,
  },
  exitWaterfall: {
    sheetSuffix: " sortie",
    sheetFallback: "Répartition à la sortie",
    title: (company: string) => `${company} : répartition du prix de sortie`,
    subtitle: (company: string, currency: string, unit: string) =>
      `${company} · ${currency} · montants en ${unit} · établi avec CapTable · se recalcule sans le complément`,
    intro:
      "Les résultats sont des formules natives (sans complément) : d’abord la dette et les frais, puis les préférences par rang, puis le résiduel par action convertie ; les calculs en bas de feuille montrent chaque étape. Les cellules bleues sont les hypothèses.",
    crossCheck: (calls: string) => `Avec le complément CapTable, ${calls} donnent les mêmes tableaux, en contre-vérification.`,
    exitValue: "Valeur de sortie (VE)",
    exitValueNote: "Valeur d’entreprise de sortie retenue",
    exitValueComment: "Valeur d’entreprise de sortie retenue",
    netDebt: "Dette nette",
    netDebtNote: "Remboursée à la sortie, avant les actionnaires",
    netDebtComment: "Dette nette remboursée à la sortie",
    transactionCosts: "Frais de transaction",
    transactionCostsNote: "Payés à la sortie, avant les actionnaires",
    transactionCostsComment: "Frais de transaction payés à la sortie",
    otherClaims: "Autres ajustements",
    otherClaimsNote: "De rang supérieur aux actionnaires",
    otherClaimsComment: "Autres droits de rang supérieur aux actionnaires",
    classes: "Catégories d’actions",
    classHeaders: [
      "Catégorie",
      "Actions",
      "Montant investi",
      "Préférence",
      "Rang",
      "Participation",
      "Plafond",
      "Ratio de conversion",
      "Prix d’exercice",
    ],
    classesComment: "Les catégories d’actions avec leur ligne d’en-tête, telles que CAPTABLE.WATERFALL les lit",
    classesNote:
      "Préférence et Plafond sont des multiples du montant investi ; le rang 1 est payé en premier (rangs égaux pari passu) ; Participation NONE (non participative), FULL (participative) ou CAPPED (plafonnée) ; Prix d’exercice pour les options et les BSA.",
    holdings: "Détentions",
    holdingHeaders: ["Détenteur", "Catégorie", "Actions", "Montant investi"],
    holdingsComment: "Qui détient les catégories (Détenteur, Catégorie, Actions) avec la ligne d’en-tête, telles que CAPTABLE.WATERFALL les lit",
    holdingsNote:
      "Une ligne par détenteur et par catégorie ; un détenteur peut détenir plusieurs catégories. Chacun reçoit le produit de sa catégorie au prorata des actions qu’il détient.",
    treatment: { option: "Option", convertible: "Convertible", residual: "Partage le résiduel" },
    outcome: {
      Exercised: "Exercée",
      "Out of the money": "Hors de la monnaie",
      Converts: "Se convertit",
      "Preference + participation (capped)": "Préférence + participation (plafonnée)",
      "Preference + participation": "Préférence + participation",
      Preference: "Préférence",
      Common: "Ordinaire",
    },
    payout: (unit: string) => `Produit par catégorie à la valeur de sortie (${unit})`,
    payoutHeaders: ["Catégorie", "Actions", "Préférence", "Participation", "Total", "Par action", "Multiple de l’investi", "Décision"],
    proceeds: "Produit revenant aux actionnaires",
    proceedsComment: "Produit revenant aux actionnaires à la valeur de sortie",
    proceedsNote: "= valeur de sortie - dette nette - autres ajustements - frais de transaction, jamais sous 0",
    residual: "Résiduel par action convertie",
    residualComment: "Résiduel par action convertie à la valeur de sortie",
    residualNote: "0 tant que les préférences ne sont pas payées ; lu sur les points de bascule ci-dessous",
    holderPayout: (unit: string) => `Produit par détenteur à la valeur de sortie (${unit})`,
    holderPayoutHeaders: ["Détenteur", "Catégorie", "Actions", "Total", "Par action", "Part du produit", "Multiple (MOIC)"],
    heldByListed: "Détenu par les détenteurs listés",
    notAttributed: "Non attribué à un détenteur listé",
    notAttributedNote:
      "= produit revenant aux actionnaires - part des détenteurs listés : les actions d’une catégorie qu’aucun détenteur ci-dessus ne détient",
    totalPerHolder: (unit: string) => `Total par détenteur à la valeur de sortie (${unit})`,
    classesHeld: "Catégories détenues",
    shareOfProceeds: "Part du produit",
    moic: "Multiple (MOIC)",
    severalClassesNote:
      "Un détenteur de plusieurs catégories : la somme de ses lignes ci-dessus ; le multiple lorsque le coût de chacune de ses détentions est connu.",
    sensitivity: (unit: string) => `Produit par catégorie selon la valeur de sortie (${unit})`,
    exitValueHeader: "Valeur de sortie",
    residualPerShare: "Résiduel par action",
    exitValuesComment: "Valeurs d’entreprise de sortie de la sensibilité, une par ligne",
    sensitivityNote: "Une ligne par valeur de sortie (hypothèses en colonne A) ; le produit total de chaque catégorie ; le graphique les empile.",
    chartTitle: "Produit par catégorie selon la valeur de sortie",
    breakpoints: (unit: string) => `Points de bascule : là où la répartition change (${unit})`,
    breakpointHeaders: ["Valeur de sortie", "Produit revenant aux actionnaires", "Résiduel par action", "Événement"],
    eventRow: "Ligne de l’événement",
    ratePerUnit: "Résiduel par action par unité au-delà",
    noBreakpoint: "Aucun point de bascule : toutes les catégories se partagent le produit au prorata dès le premier euro",
    breakpointsMissing: "Points de bascule absents de ce tableau",
    breakpointCheckComment: "0 tant que chaque point de bascule des termes des catégories a sa ligne dans le tableau des points de bascule",
    breakpointCheckNote:
      "0 tant que le tableau liste chaque point de bascule ; si vous modifiez les termes des catégories et qu’il y en a davantage, la cellule affiche #N/A : reconstruisez la feuille.",
    breakpointsNote:
      "Entre deux points de bascule, le résiduel par action convertie croît linéairement avec le produit (dernière colonne : son taux) ; le produit de chaque catégorie s’en déduit.",
    workings: "Calculs : les termes de chaque catégorie",
    workingHeaders: [
      "Catégorie",
      "Actions converties",
      "Préférence",
      "Préférences de rang supérieur",
      "Préférences de son rang",
      "Traitement",
      "Plafond total",
      "Point de plafond (par action)",
      "Se convertit au-delà de (par action)",
    ],
    asConvertedComment: "Actions converties de toutes les catégories",
    totalPreferencesComment: "Préférences de liquidation de toutes les catégories",
    workingsNote:
      "Préférence = montant investi x multiple, payée par rang (pari passu dans un rang, au prorata des préférences). Les catégories convertibles gardent leur préférence, avec une participation jusqu’au point de plafond, tant que le résiduel par action ne dépasse pas le plafond total / actions converties ; au-delà, elles se convertissent.",
    events: "Calculs : événements de bascule, dans l’ordre",
    eventHeaders: ["Catégorie", "Événement", "Résiduel par action", "Produit revenant aux actionnaires", "S’applique", "Ordre"],
    eventPreferencePaid: "Préférence payée en totalité : ",
    eventInTheMoney: " dans la monnaie (prix d’exercice ",
    eventCapReached: " atteint son plafond de participation",
    eventConverts: " se convertit en actions ordinaires",
    eventsNote:
      "S’applique vaut 1 pour un événement des termes des catégories ; Ordre les numérote comme le tableau des points de bascule les liste (sans SMALL : chacun compte les événements qui le précèdent).",
    checkPayouts: "Produits des catégories = produit revenant aux actionnaires",
    checkTotal: "Préférence + participation = produit total",
    checkProceeds: "Produit = valeur de sortie - dette - ajustements - frais, au minimum 0",
    keyExitValue: "Valeur de sortie (VE)",
    keyProceeds: "Produit revenant aux actionnaires",
    keyResidual: "Résiduel par action convertie",
    footer: (company: string) => `${company} : répartition du prix de sortie`,
  },
  capTableHistory: {
    sheetSuffix: " historique",
    sheetFallback: "Historique du capital",
    title: (company: string) => `${company} : historique de la table de capitalisation`,
    subtitle: (cur: string) =>
      `${cur} ; établi avec CapTable. Les sommes, les pourcentages de détention et les contrôles sont des formules natives ; le rejeu des opérations, l’acquisition des options (vesting), le tour et la répartition à la sortie sont des valeurs du moteur (reconstruisez la feuille après avoir modifié les hypothèses).`,
    basisNote:
      "Bases : En circulation = actions émises et en circulation, chaque catégorie dans ses propres actions. Entièrement dilué = actions en circulation converties en actions ordinaires + options en circulation (acquises ou non) + le solde disponible de chaque plan d’options ; les SAFE et obligations convertibles n’y sont PAS comptés (leur nombre d’actions dépend d’un tour de financement). Entièrement dilué avec les convertibles = selon le prochain tour indiqué plus bas.",
    asOf: "Table de capitalisation au (AAAA-MM-JJ)",
    asOfComment: "La date de la table de capitalisation (les opérations de ce jour comptent)",
    rounding: "Arrondi des actions (prochain tour)",
    classes: "Catégories d’actions et leurs termes",
    classHeaders: [
      "Catégorie",
      "Nature",
      "Prix d’émission",
      "Préférence (x)",
      "Rang (1 = payé en premier)",
      "Participation",
      "Plafond (x)",
      "Ratio de conversion",
    ],
    plans: "Plans d’options (BSPCE / options)",
    planHeaders: ["Plan", "Réservé à l’adoption"],
    events: "Opérations, par date (une ligne par titre : sémantique OCF)",
    eventHeaders: [
      "Date",
      "Type",
      "Détenteur",
      "Catégorie",
      "Plan",
      "Actions",
      "Prix d’exercice",
      "Montant",
      "Plafond",
      "Décote",
      "Mois d’acquisition (vesting)",
      "Mois de blocage (cliff)",
      "Début de l’acquisition",
      "Actions émises",
      "Actions en circulation après",
      "Rejeu du moteur (après la date)",
      "Concordance",
    ],
    asOfSection: (date: string) => `Table de capitalisation au ${date}`,
    tableHeaders: [
      "Actions en circulation",
      "Converties en ordinaires",
      "Options en circulation",
      "Options acquises",
      "Entièrement dilué",
      "% des actions en circulation",
      "% entièrement dilué",
    ],
    conversionRatioRow: "Ratio de conversion (en actions ordinaires)",
    available: (plan: string) => `${plan} (solde disponible du plan)`,
    poolInRound: (plan: string) => `${plan} (solde disponible)`,
    basisOutstanding: "Base : actions en circulation (émises, chaque catégorie dans ses propres actions)",
    basisFullyDiluted:
      "Base : entièrement dilué (converties en ordinaires + options en circulation + solde disponible des plans ; convertibles exclus)",
    convertibles: "SAFE et obligations convertibles en circulation (hors entièrement dilué : ils se convertissent au prochain tour)",
    convertibleHeaders: ["Détenteur", "Type", "Montant", "Plafond", "Décote"],
    planPositions: "Plans d’options à la date",
    planPositionHeaders: ["Plan", "Réservé", "Attribué (en circulation)", "Exercé", "Disponible"],
    warnings: "Avertissements",
    round: (series: string) =>
      `Prochain tour de financement : ${series} (part de la table de capitalisation ci-dessus ; ses SAFE et obligations convertibles se convertissent)`,
    source: (source: string) => `Source des chiffres : ${source}`,
    roundInputs: [
      "Date du tour",
      "Série",
      "Valorisation pré-money",
      "Cible du pool d’options (% post-money entièrement dilué)",
      "Complément du pool d’options (en actions, au lieu d’une cible)",
      "Préférence (x)",
      "Rang",
      "Participation",
      "Plafond (x)",
    ],
    investorHeaders: ["Investisseur", "Montant"],
    roundSummary: [
      "Prix par action",
      "Argent frais",
      "Valorisation post-money = pré-money + argent frais",
      "Actions pré-money entièrement diluées",
      "Complément du pool d’options",
      "Actions post-money entièrement diluées",
    ],
    roundTable: "Entièrement dilué avec les convertibles selon le tour indiqué (table de capitalisation post-money)",
    basisUnderRound: (series: string, date: string) =>
      `Base : entièrement dilué avec les convertibles selon ${series} au ${date} (SAFE et obligations convertibles convertis aux termes du tour)`,
    roundHeaders: ["Détenteur", "Actions avant", "Actions émises", "Actions après", "% après"],
    assumptions: "Hypothèses retenues pour la conversion",
    noRound:
      "Entièrement dilué avec les convertibles : aucun prochain tour indiqué (ajoutez-en un pour voir les SAFE et obligations convertibles convertis).",
    exit: "Sortie : répartition du prix de sortie entre les catégories et les détentions de l’historique (et du prochain tour)",
    exitBasis:
      "Les options en circulation sont exercées lorsqu’elles sont dans la monnaie (acquises ou non : accélération totale supposée à la sortie) ; le solde non attribué du plan ne reçoit rien. Les SAFE convertis dans le tour forment leur propre catégorie aux termes de la série, avec une préférence de liquidation sur le montant versé (série miroir).",
    exitUnconverted: (count: number, amount: number, cur: string) =>
      `Hors répartition : ${count} SAFE ou obligation(s) convertible(s) en circulation (${amount.toLocaleString("fr-FR").replace(/\u202f/g, "\u00a0")} ${cur}), non convertis (leurs termes lors d’un événement de liquidité ne sont pas modélisés) : ajoutez un prochain tour pour les convertir d’abord.`,
    exitClassHeaders: [
      "Catégorie",
      "Actions",
      "Montant investi",
      "Préférence (x)",
      "Rang",
      "Participation",
      "Plafond (x)",
      "Ratio de conversion",
      "Prix d’exercice",
    ],
    payoutByClass: "Produit par catégorie",
    payoutByHolder: "Produit par détenteur",
    options: (strike: string) => `Options (prix d’exercice ${strike.replace(".", ",")})`,
    converted: (series: string) => `${series} (SAFE et obligations convertibles convertis)`,
    checkOutstanding: "La détention (actions en circulation) totalise 100 %",
    checkFullyDiluted: "La détention (entièrement diluée) totalise 100 %",
    checkReconcile: "Les actions concordent à chaque date d’opération (cumul natif = rejeu du moteur)",
    checkAsOf: "Actions en circulation à la date = actions émises par les opérations jusqu’à cette date",
    checkRoundShares: "Actions après le tour = actions avant + actions émises",
    checkExit: "Les produits par catégorie totalisent le produit revenant aux actionnaires à chaque valeur de sortie",
    checkHolders: "Les produits par détenteur totalisent les produits par catégorie",
    sameDate: "sur la dernière ligne de la date",
    keyOutstanding: (date: string) => `Actions en circulation au ${date}`,
    keyFullyDiluted: "Actions entièrement diluées (convertibles exclus)",
    keyPrice: (series: string, cur: string) => `Prix par action ${series} (${cur})`,
    keyPostMoney: "Valorisation post-money du prochain tour",
    keyProceeds: "Produit revenant aux actionnaires à la première valeur de sortie",
  },
};

/** A stake-sale warning in French (the engine's ids and params; amounts with a decimal comma). */
function frenchWarning(w: StakeSaleWarning): string {
  const p = w.params;
  switch (w.id) {
    case "negativeEnterpriseValue":
      return `la valeur d’entreprise est négative (${frDecimal(p.enterpriseValue)}) : vérifiez la valorisation et sa base`;
    case "negativeEquity":
      return `la dette nette et les autres ajustements (${frDecimal(p.claims)}) dépassent la valeur d’entreprise (${frDecimal(p.enterpriseValue)}) : la valeur des capitaux propres est négative (${frDecimal(p.equityValue)}), et le prix de la participation aussi`;
    case "negativeShareEquity":
      return `les comptes courants d’associés (${frDecimal(p.shareholderLoans)}) dépassent la valeur des capitaux propres (${frDecimal(p.equityValue)}) : les actions valent moins que rien (${frDecimal(p.shareEquity)}) avec les comptes courants à leur valeur nominale`;
    case "zeroStake":
      return "la participation est de 0 % : rien ne change de mains et aucune valorisation n’en découle";
    case "noPrimaryInvestment":
      return "l’investissement primaire est nul : l’acquéreur ne souscrit aucune action nouvelle (choisissez une cession secondaire, ou saisissez l’investissement)";
  }
}

/** An amount of the engine's messages ("1234.5") with a decimal comma. */
function frDecimal(text: string | undefined): string {
  return (text ?? "").replace(".", ",");
}

const NBSP = "\u00a0";

/**
 * French spacing: an ordinary space (or none) before ":", ";", "?", "!" and "%" becomes a no-break
 * space, and so does the space inside « ». Only a space is replaced: a colon between two cell
 * addresses ("B4:C6") is left alone (the typography test checks every French text has its space).
 */
export function frenchSpacing(text: string): string {
  return text.replace(/ ([:;?!%»])/g, `${NBSP}$1`).replace(/« /g, `«${NBSP}`);
}

/** The dictionary with `frenchSpacing` applied to every string and to every function's result. */
function typeset<T>(value: T): T {
  if (typeof value === "string") return frenchSpacing(value) as T;
  if (typeof value === "function") {
    // The dictionary's functions take at most 4 parameters (checked here, once, when the module loads).
    const fn = value as unknown as (a?: unknown, b?: unknown, c?: unknown, d?: unknown) => unknown;
    if (fn.length > 4) throw new Error("internal: a sheet text function takes at most 4 parameters");
    return ((a?: unknown, b?: unknown, c?: unknown, d?: unknown) => typeset(fn(a, b, c, d))) as T;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => typeset(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeset(v)])) as T;
  }
  return value;
}

/** The words of model sheets, by language. */
export const SHEET_TEXT: Readonly<Record<SheetLanguage, SheetText>> = { en, fr: typeset(fr) };

/** The words of a model sheet in `language` (English by default). */
export function sheetText(language: SheetLanguage = DEFAULT_SHEET_LANGUAGE): SheetText {
  return SHEET_TEXT[language];
}

/**
 * The built-in templates: the gallery users start from. Each is a complete, valid template; the
 * figures that are not public or are placeholders for the user's own deal are marked "to fill".
 * Venture templates ("Priced round with option pool", "Exit waterfall") join when those model
 * kinds exist.
 */
import { OPCORE_EXAMPLE } from "../model/stakeSaleInput";
import { YC_EXAMPLE_1 } from "../model/pricedRoundInput";
import { OPCORE_DEAL_PRICING } from "./opcoreDeal";
import { DELTA_HISTORY_EXAMPLE, VENTURE_HISTORY_EXAMPLE, YC_HISTORY_EXAMPLE } from "../model/capTableHistoryInput";
import { DEFAULT_PRESENTATION, TEMPLATE_FORMAT, TEMPLATE_VERSION, type Template } from "./schema";

/** A deep copy of plain JSON data (templates are JSON by construction; no structuredClone, which older Mac web views lack). */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface BuiltInTemplate {
  /** Stable identifier, used by `captable export-template <id>`. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly template: Template;
}

const ILLUSTRATIVE = "Placeholder: replace with your own figure.";

/**
 * The built-in templates' "to fill" notes in French, by their English text: a sheet built in
 * French shows these (src/templates/presentation.ts). A note a user wrote is shown as written.
 * test/model/sheetText.test.ts checks that every built-in note has its French here.
 */
export const BUILT_IN_NOTES_FR: Readonly<Record<string, string>> = {
  [ILLUSTRATIVE]: "Valeur indicative : remplacez-la par votre propre chiffre.",
  "Your share classes: shares, invested capital and terms (preference, seniority, participation, cap, strike).":
    "Vos catégories d’actions : actions, montant investi et termes (préférence, rang, participation, plafond, prix d’exercice).",
  "Who holds each class: one row per holder and class (illustrative holders).":
    "Qui détient chaque catégorie : une ligne par détenteur et par catégorie (détenteurs fictifs).",
  "The exit enterprise value you are testing.": "La valeur d’entreprise de sortie que vous testez.",
  "YC's published Example 1; put your fully diluted cap table before the round, with the unissued pool row.":
    "Exemple 1 publié par YC ; saisissez votre table de capitalisation entièrement diluée avant le tour, avec la ligne du pool non attribué.",
  "YC's published Example 1; put the pre-money valuation of your term sheet.":
    "Exemple 1 publié par YC ; saisissez la valorisation pré-money de votre lettre d’intention.",
  "YC's published Example 1; put the new money, per investor.": "Exemple 1 publié par YC ; saisissez l’argent frais, par investisseur.",
  "YC's published Example 1; put your pool top-up in shares, or null and a pool target (poolTarget) instead.":
    "Exemple 1 publié par YC ; saisissez le complément du pool en actions, ou null et un pool cible (poolTarget) à la place.",
  "YC's published Example 1; put the SAFEs and notes converting in your round.":
    "Exemple 1 publié par YC ; saisissez les SAFE et obligations convertibles qui se convertissent dans votre tour.",
  "Not public: illustrative value (third-party debt less cash, excluding shareholder loans).":
    "Non publique : valeur indicative (dette financière externe moins la trésorerie, hors comptes courants d’associés).",
  "Not public: illustrative value (at face value).": "Non publique : valeur indicative (à la valeur nominale).",
  "The pre-money equity value agreed with the investor.": "La valeur pré-money des capitaux propres convenue avec l’investisseur.",
  "The stake the investor will own after the issue.": "La participation que l’investisseur détiendra après l’émission.",
  "The shareholders and their shares today.": "Les actionnaires et leurs actions aujourd’hui.",
  "The partners and their shares.": "Les associés et leurs actions.",
  "Illustrative: not public; replace with the deal's figure.": "Valeur indicative, non publique : remplacez-la par le chiffre de l’opération.",
  "Illustrative: InfraVia's dividends, loan interest and exit are not public.":
    "Valeur indicative : les dividendes d’InfraVia, les intérêts de ses comptes courants et sa sortie ne sont pas publics.",
  "Illustrative: growth capex funded up to 75% by bank debt (public ratio; amount illustrative).":
    "Valeur indicative : capex de croissance financés jusqu’à 75 % par dette bancaire (ratio public ; montant indicatif).",
  "Illustrative: put your share classes and their terms.": "Valeurs indicatives : saisissez vos catégories d’actions et leurs termes.",
  "Illustrative: put your issuances, grants, SAFEs and conversions, in date order.":
    "Valeurs indicatives : saisissez vos émissions d’actions, attributions d’options (BSPCE), SAFE (BSA AIR) et conversions, par date.",
  "Illustrative: put your next round's terms, or null.": "Valeurs indicatives : saisissez les termes de votre prochain tour de financement, ou null.",
  "Illustrative: put the exit values to test, or null.": "Valeurs indicatives : saisissez les valeurs de sortie à tester, ou null.",
  "YC's published Example 1 (dates are placeholders); put your own history.":
    "Exemple 1 publié par YC (les dates sont fictives) ; saisissez votre propre historique.",
  "The Delta, Inc. exercise's history (dates are placeholders); put your own history.":
    "Historique de l’exercice Delta, Inc. (les dates sont fictives) ; saisissez votre propre historique.",
};

function stakeSale(t: Omit<Extract<Template, { kind: "stakeSale" }>, "format" | "version" | "kind" | "presentation">): Template {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: "stakeSale", presentation: { ...DEFAULT_PRESENTATION }, ...t };
}

function exitWaterfall(t: Omit<Extract<Template, { kind: "exitWaterfall" }>, "format" | "version" | "kind" | "presentation">): Template {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: "exitWaterfall", presentation: { ...DEFAULT_PRESENTATION }, ...t };
}

const EXIT_WATERFALL_DESCRIPTION =
  "Who gets what when a venture-backed company is sold: Series B 1x senior, then Series A and Seed 1x pari passu (non-participating: " +
  "each converts when that pays more), common and an option pool (exercised in the money). Payout per class at the exit value, a " +
  "sensitivity across exit values with a stacked chart, and the breakpoints. At USD 10M with 3M of net debt and 1M of costs, the 6M " +
  "left goes 4M to Series B and 1.5M / 0.5M to Series A / Seed. Payout per holder (founders, an early employee, an angel, the funds; " +
  "a seed fund that followed on in Series A) with its share of the proceeds. Illustrative figures: replace them with your own.";

const BUILT_IN_EXIT: readonly BuiltInTemplate[] = [
  {
    id: "exit-waterfall",
    title: "Exit waterfall",
    description: EXIT_WATERFALL_DESCRIPTION,
    template: exitWaterfall({
      title: "Exit waterfall",
      description: EXIT_WATERFALL_DESCRIPTION,
      inputs: {
        kind: "exitWaterfall",
        company: "Venture company",
        currency: "USD",
        unit: "units",
        // The classes of the "stacked and pari passu seniority" example of test/engine/venture/waterfall.test.ts, plus an option pool.
        classes: [
          {
            name: "Series B",
            shares: 8_571_428,
            invested: 4_000_000,
            preference: 1,
            seniority: 1,
            participation: "NONE",
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Series A",
            shares: 2_571_428,
            invested: 3_000_000,
            preference: 1,
            seniority: 2,
            participation: "NONE",
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Seed",
            shares: 1_000_000,
            invested: 1_000_000,
            preference: 1,
            seniority: 2,
            participation: "NONE",
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Common",
            shares: 8_000_000,
            invested: 0,
            preference: 0,
            seniority: 3,
            participation: "NONE",
            cap: null,
            conversionRatio: 1,
            strike: null,
          },
          {
            name: "Options",
            shares: 1_500_000,
            invested: 0,
            preference: 0,
            seniority: 3,
            participation: "NONE",
            cap: null,
            conversionRatio: 1,
            strike: 0.25,
          },
        ],
        netDebt: 3_000_000,
        transactionCosts: 1_000_000,
        otherClaims: 0,
        exitValue: 10_000_000,
        exitValues: Array.from({ length: 20 }, (_, i) => (i + 1) * 5_000_000),
        // Who holds the classes (illustrative): the seed fund followed on in Series A; the early employee holds common and options.
        // 500,000 common and 1,250,000 options are not attributed to a listed holder (the rest of the team, the unallocated pool).
        // Invested: what each investor paid (the class's price per share); left empty for founders and staff (no multiple).
        holdings: [
          { holder: "Founder 1", className: "Common", shares: 3_500_000, invested: null },
          { holder: "Founder 2", className: "Common", shares: 3_500_000, invested: null },
          { holder: "Early employee", className: "Common", shares: 500_000, invested: null },
          { holder: "Early employee", className: "Options", shares: 250_000, invested: null },
          { holder: "Angel", className: "Seed", shares: 100_000, invested: 100_000 },
          { holder: "Seed Fund", className: "Seed", shares: 900_000, invested: 900_000 },
          { holder: "Seed Fund", className: "Series A", shares: 571_428, invested: 666_666 },
          { holder: "Series A Fund", className: "Series A", shares: 2_000_000, invested: 2_333_334 },
          { holder: "Series B Fund", className: "Series B", shares: 8_571_428, invested: 4_000_000 },
        ],
      },
      toFill: [
        { field: "classes", note: "Your share classes: shares, invested capital and terms (preference, seniority, participation, cap, strike)." },
        { field: "holdings", note: "Who holds each class: one row per holder and class (illustrative holders)." },
        { field: "netDebt", note: ILLUSTRATIVE },
        { field: "transactionCosts", note: ILLUSTRATIVE },
        { field: "exitValue", note: "The exit enterprise value you are testing." },
      ],
    }),
  },
];

function pricedRound(t: Omit<Extract<Template, { kind: "pricedRound" }>, "format" | "version" | "kind" | "presentation">): Template {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: "pricedRound", presentation: { ...DEFAULT_PRESENTATION }, ...t };
}

const PRICED_ROUND_DESCRIPTION =
  "A priced round with SAFEs converting and an option pool top-up counted in the pre-money. The figures are Example 1 of " +
  "Y Combinator's Post-Money Safe User Guide (Appendix II, https://www.ycombinator.com/documents): 10,000,000 fully diluted shares, " +
  "Investor A $200,000 at a $4M post-money cap, Investor B $800,000 at an $8M cap, Series A $5M at a $15M pre-money, " +
  "pool increase of 1,695,000 shares. The Guide prints Company Capitalization 11,764,705, SAFE shares 588,235 and 1,176,470, " +
  "price $1.1144. Replace them with your own round.";

const BUILT_IN_ROUND: readonly BuiltInTemplate[] = [
  {
    id: "priced-round-option-pool",
    title: "Priced round with option pool",
    description: PRICED_ROUND_DESCRIPTION,
    template: pricedRound({
      title: "Priced round with option pool",
      description: PRICED_ROUND_DESCRIPTION,
      inputs: copyJson(YC_EXAMPLE_1),
      toFill: [
        // Published figures (YC's guide), not placeholders: the notes say whose they are and what to put instead.
        { field: "capTable", note: "YC's published Example 1; put your fully diluted cap table before the round, with the unissued pool row." },
        { field: "preMoney", note: "YC's published Example 1; put the pre-money valuation of your term sheet." },
        { field: "investors", note: "YC's published Example 1; put the new money, per investor." },
        { field: "poolIncrease", note: "YC's published Example 1; put your pool top-up in shares, or null and a pool target (poolTarget) instead." },
        { field: "instruments", note: "YC's published Example 1; put the SAFEs and notes converting in your round." },
      ],
    }),
  },
];

const BUILT_IN: readonly BuiltInTemplate[] = [
  {
    id: "opcore-stake-sale",
    title: "Stake sale: 50% of OpCore at EUR 860M EV",
    description:
      "April 2025: Iliad sold 50% of OpCore (datacenters, about 131 MW) to InfraVia at an enterprise value of EUR 860M. " +
      "Public: the stake, the EV and the capacity. Net debt and shareholder loans are not public: the values given are illustrative, to fill in.",
    template: stakeSale({
      title: "Stake sale: 50% of OpCore at EUR 860M EV",
      description:
        "April 2025: Iliad sold 50% of OpCore (datacenters, about 131 MW) to InfraVia at an enterprise value of EUR 860M. " +
        "Public: the stake, the EV and the capacity. Net debt and shareholder loans are not public: the values given are illustrative, to fill in.",
      inputs: { ...OPCORE_EXAMPLE, capTable: OPCORE_EXAMPLE.capTable.map((h) => ({ ...h })) },
      toFill: [
        { field: "netDebt", note: "Not public: illustrative value (third-party debt less cash, excluding shareholder loans)." },
        { field: "shareholderLoans", note: "Not public: illustrative value (at face value)." },
      ],
    }),
  },
  {
    id: "capital-increase",
    title: "Capital increase for a target stake",
    description:
      "An investor subscribes new shares to own a target stake after the issue, at the pre-money price per share; " +
      "the cash stays in the company. Shows the new shares, the post-money value and the cap table before and after.",
    template: stakeSale({
      title: "Capital increase for a target stake",
      description:
        "An investor subscribes new shares to own a target stake after the issue, at the pre-money price per share; " +
        "the cash stays in the company. Shows the new shares, the post-money value and the cap table before and after.",
      inputs: {
        kind: "stakeSale",
        company: "Target company",
        currency: "EUR",
        unit: "units",
        basis: "EQUITY",
        valuation: 40_000_000,
        netDebt: 5_000_000,
        shareholderLoans: 0,
        otherClaims: 0,
        stake: 0.2,
        premium: 0,
        capacity: null,
        capacityUnit: "units",
        capTable: [
          { holder: "Founders", shares: 800_000 },
          { holder: "Seed investors", shares: 200_000 },
        ],
        transaction: "primary",
        seller: "Founders",
        buyer: "New investor",
        primaryInvestment: 0,
        rounding: "DOWN",
        formulas: "native",
      },
      toFill: [
        { field: "valuation", note: "The pre-money equity value agreed with the investor." },
        { field: "netDebt", note: ILLUSTRATIVE },
        { field: "stake", note: "The stake the investor will own after the issue." },
        { field: "capTable", note: "The shareholders and their shares today." },
      ],
    }),
  },
  {
    id: "jv-look-through",
    title: "Joint venture look-through (equity and debt per partner)",
    description:
      "A joint venture owned by several partners, one of which sells its stake to a new partner: for every partner, " +
      "its share of the equity, of the shareholder loans and of the net debt (look-through), before and after.",
    template: stakeSale({
      title: "Joint venture look-through (equity and debt per partner)",
      description:
        "A joint venture owned by several partners, one of which sells its stake to a new partner: for every partner, " +
        "its share of the equity, of the shareholder loans and of the net debt (look-through), before and after.",
      inputs: {
        kind: "stakeSale",
        company: "Infra JV",
        currency: "EUR",
        unit: "units",
        basis: "EV",
        valuation: 1_500_000_000,
        netDebt: 900_000_000,
        shareholderLoans: 200_000_000,
        otherClaims: 0,
        stake: 0.25,
        premium: 0,
        capacity: 300,
        capacityUnit: "MW",
        capTable: [
          { holder: "Partner A", shares: 400_000 },
          { holder: "Partner B", shares: 350_000 },
          { holder: "Partner C", shares: 250_000 },
        ],
        transaction: "secondary",
        seller: "Partner C",
        buyer: "Partner D",
        primaryInvestment: 0,
        rounding: "DOWN",
        formulas: "native",
      },
      toFill: [
        { field: "valuation", note: ILLUSTRATIVE },
        { field: "netDebt", note: ILLUSTRATIVE },
        { field: "shareholderLoans", note: ILLUSTRATIVE },
        { field: "capTable", note: "The partners and their shares." },
      ],
    }),
  },
];

BUILT_IN_EXIT.forEach((b) => (BUILT_IN as BuiltInTemplate[]).push(b));

BUILT_IN_ROUND.forEach((b) => (BUILT_IN as BuiltInTemplate[]).push(b));

// Deal pricing and returns (issue 16): the OpCore deal, extended with illustrative assumptions (./opcoreDeal.ts).
(BUILT_IN as BuiltInTemplate[]).push(OPCORE_DEAL_PRICING);
// ----- Cap-table history (issue 17) -----------------------------------------------------------

function capTableHistory(t: Omit<Extract<Template, { kind: "capTableHistory" }>, "format" | "version" | "kind" | "presentation">): Template {
  return { format: TEMPLATE_FORMAT, version: TEMPLATE_VERSION, kind: "capTableHistory", presentation: { ...DEFAULT_PRESENTATION }, ...t };
}

const HISTORY_DESCRIPTION =
  "A company from founding to exit: founders' common, a seed preferred round at $0.50, an option plan with four-year grants and a " +
  "one-year cliff, two post-money SAFEs converting into the Series A at $2.00, a bridge SAFE, then the Series B as the next round " +
  "($40M pre-money, 10% pool target; the bridge SAFE converts in it) and an exit at four values. The cap table as of a date on each " +
  "basis (outstanding, fully diluted, fully diluted with convertibles under the round), vested options, and the payouts by class and " +
  "by holder: change a round's price and the exit follows. Illustrative figures: replace them with your own.";

const YC_HISTORY_DESCRIPTION =
  "Example 1 of Y Combinator's Post-Money Safe User Guide (Appendix II, https://www.ycombinator.com/documents) told as a history: " +
  "9,250,000 founder shares, a plan of 750,000 (300,000 options outstanding, 350,000 promised), Investor A's $200,000 SAFE at a $4M " +
  "post-money cap and Investor B's $800,000 at $8M, then the Series A ($5M at a $15M pre-money, pool increase of 1,695,000 shares). " +
  "The Guide prints Company Capitalization 11,764,705, SAFE shares 588,235 and 1,176,470, price $1.1144; it gives no dates (the " +
  "dates here are placeholders) and no exit.";

const DELTA_HISTORY_DESCRIPTION =
  "A public worked history from founding to exit: the Delta, Inc. course exercise (SolutionInn question 12043652, " +
  "https://solutioninn.com/study-help/questions/these-are-the-cap-tables-for-delta-inc-after-two-12043652). A founder with " +
  "5,400,000 shares and 600,000 options; the Series A, 2,000,000 shares at $1.00 with a 2x participating preference; the Series B " +
  "as the next round at $2.00 ($16M pre-money; Investor A buys 250,000, Investor B 3,000,000) with a 1x participating preference; " +
  "the sale for $100M. Every share count, percent and value the exercise prints comes out of the history; the Founder takes away " +
  "$42,960,000. The exercise gives no dates (these are placeholders).";

const BUILT_IN_HISTORY: readonly BuiltInTemplate[] = [
  {
    id: "cap-table-history",
    title: "Cap table history: seed to exit",
    description: HISTORY_DESCRIPTION,
    template: capTableHistory({
      title: "Cap table history: seed to exit",
      description: HISTORY_DESCRIPTION,
      inputs: copyJson(VENTURE_HISTORY_EXAMPLE),
      toFill: [
        { field: "company", note: ILLUSTRATIVE },
        { field: "classes", note: "Illustrative: put your share classes and their terms." },
        { field: "events", note: "Illustrative: put your issuances, grants, SAFEs and conversions, in date order." },
        { field: "nextRound", note: "Illustrative: put your next round's terms, or null." },
        { field: "exit", note: "Illustrative: put the exit values to test, or null." },
      ],
    }),
  },
  {
    id: "yc-safe-history",
    title: "Cap table history: YC post-money SAFE example",
    description: YC_HISTORY_DESCRIPTION,
    template: capTableHistory({
      title: "Cap table history: YC post-money SAFE example",
      description: YC_HISTORY_DESCRIPTION,
      inputs: copyJson(YC_HISTORY_EXAMPLE),
      toFill: [{ field: "events", note: "YC's published Example 1 (dates are placeholders); put your own history." }],
    }),
  },
  {
    id: "delta-history",
    title: "Cap table history: founding to exit, a public exercise",
    description: DELTA_HISTORY_DESCRIPTION,
    template: capTableHistory({
      title: "Cap table history: founding to exit, a public exercise",
      description: DELTA_HISTORY_DESCRIPTION,
      inputs: copyJson(DELTA_HISTORY_EXAMPLE),
      toFill: [{ field: "events", note: "The Delta, Inc. exercise's history (dates are placeholders); put your own history." }],
    }),
  },
];

BUILT_IN_HISTORY.forEach((b) => (BUILT_IN as BuiltInTemplate[]).push(b));

/** The built-in templates, as fresh copies (callers may change them freely). */
export function builtInTemplates(): BuiltInTemplate[] {
  return BUILT_IN.map((b) => ({ id: b.id, title: b.title, description: b.description, template: copyJson(b.template) }));
}

/** One built-in template by id, or undefined. */
export function builtInTemplate(id: string): BuiltInTemplate | undefined {
  return builtInTemplates().find((b) => b.id === id);
}

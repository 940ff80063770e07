/**
 * The built-in "deal pricing and returns" template: the OpCore deal (April 2025: Iliad sold 50% of
 * OpCore to InfraVia at an EV of EUR 860M and booked a EUR 466M gain), extended with illustrative
 * assumptions. Public facts carry their source in a note beside the input (shared/research/domain.md
 * §3-4); every figure that is not public is marked "to fill" as illustrative. The carrying amount is
 * not public either: it is set so that the sheet's gain on disposal is the reported EUR 466M.
 */
import { Decimal } from "../engine";
import type { DealPricingInput } from "../model/dealPricingInput";
import { computeDealPricing } from "../model/dealPricingModel";
import type { BuiltInTemplate } from "./builtIn";
import { DEFAULT_PRESENTATION, TEMPLATE_FORMAT, TEMPLATE_VERSION } from "./schema";

/** Iliad's reported gain on the sale of 50% of OpCore, EUR M (quotidiano.net; boursorama.com, Q1 2025 results). */
export const OPCORE_REPORTED_GAIN = 466;

const ILLUSTRATIVE = "Illustrative: not public; replace with the deal's figure.";

/** The inputs, with a placeholder carrying amount (replaced below so that the gain is the reported one). */
const BASE: DealPricingInput = {
  kind: "dealPricing",
  company: "OpCore",
  currency: "EUR",
  unit: "millions",
  seller: "Iliad",
  buyer: "InfraVia",
  enterpriseValue: 860,
  capacity: 131,
  capacityUnit: "MW",
  capacityBasis: "incl. under construction",
  mechanism: "LOCKED_BOX",
  completionDate: "2025-04-04",
  debtLike: 0,
  boxDate: "2024-12-31",
  netDebtAtBox: 212.4,
  tickerRate: 0.05,
  tickerBase: "SHARES",
  leakage: 2,
  permittedLeakage: 1,
  targetWorkingCapital: null,
  estimatedNetDebt: null,
  estimatedWorkingCapital: null,
  finalNetDebt: null,
  finalWorkingCapital: null,
  escrow: null,
  loansDate: "2024-12-31",
  pikRate: 0.06,
  pikCompounding: "ANNUAL",
  positions: [{ holder: "Iliad", shares: 1_000_000, loans: 148.25, sharesSold: 500_000, loansSold: 74.125 }],
  acquisitionDebt: 150,
  fees: 8,
  flows: [
    { holder: "InfraVia", instrument: "Shares: dividend", date: "2026-06-30", amount: 5 },
    { holder: "InfraVia", instrument: "Shareholder loan: interest", date: "2026-12-31", amount: 4.5 },
    { holder: "InfraVia", instrument: "Shares: dividend", date: "2027-06-30", amount: 8 },
    { holder: "InfraVia", instrument: "Shareholder loan: interest", date: "2027-12-31", amount: 4.5 },
    { holder: "InfraVia", instrument: "Shares: dividend", date: "2028-06-30", amount: 10 },
    { holder: "InfraVia", instrument: "Shareholder loan: interest", date: "2028-12-31", amount: 4.5 },
    { holder: "InfraVia", instrument: "Shareholder loan: repayment at exit", date: "2030-04-04", amount: 95 },
    { holder: "InfraVia", instrument: "Shares: exit proceeds, net of the acquisition debt", date: "2030-04-04", amount: 210 },
  ],
  carryingAmount: 0,
  disposalCosts: 4,
  remeasureRetained: true,
  entryEbitda: 38,
  exitEbitda: 95,
  exitMultiple: 20,
  exitNetDebt: 1_200,
  cashReturned: 40,
  crossTerm: "SEPARATE",
  comps: [
    { name: "UltraEdge (Altice France, 2023-24)", ev: 764, ebitda: 26, capacity: 45, basis: "installed" },
    { name: "CyrusOne (KKR and GIP, 2021; USD, no per-MW)", ev: 15_000, ebitda: 588, capacity: null, basis: null },
    { name: "Illustrative comp A", ev: 520, ebitda: 26, capacity: 80, basis: "incl. under construction" },
    { name: "Illustrative comp B", ev: 1_150, ebitda: 52, capacity: 140, basis: "incl. under construction" },
    { name: "Illustrative comp C", ev: 310, ebitda: 15, capacity: 45, basis: "incl. under construction" },
  ],
  notes: [
    { field: "seller", note: "Public: Iliad sold 50% of OpCore's equity to InfraVia (datacenterdynamics.com, Dec 2024)." },
    { field: "enterpriseValue", note: "Public: EV of EUR 860M for 100% (datacenterdynamics.com; telecomtv.com)." },
    { field: "capacity", note: "Public: about 131 MW incl. a ~100 MW Paris-region site under construction (datacenterdynamics.com)." },
    { field: "completionDate", note: "Public: closing reported on 4 April 2025 (capacitymedia.com)." },
    {
      field: "carryingAmount",
      note: "Illustrative: not public; set so that the gain on disposal is Iliad's reported EUR 466M (quotidiano.net; boursorama.com, Q1 2025).",
    },
    { field: "remeasureRetained", note: "Public: OpCore became a 50/50 joint venture, deconsolidated by Iliad (megazap.fr): loss of control." },
    {
      field: "comps",
      note: "Public: UltraEdge (digitaltveurope.com: EV EUR 764M, ~29x EBITDA, >45 MW) and CyrusOne (dgtlinfra.com: EV USD 15bn, ~25.5x 2021E EBITDA). Comps A to C: illustrative.",
    },
    { field: "positions", note: "Public: 50% of the equity sold. Share count and loan balances: illustrative." },
  ],
};

/** The inputs with the carrying amount implied by the reported gain: proceeds + fair value retained - costs - gain (IFRS 10 B98). */
export const OPCORE_DEAL_INPUTS: DealPricingInput = (() => {
  const r = computeDealPricing(BASE);
  const carrying = r.sellerProceeds.plus(r.retainedValue).minus(new Decimal(BASE.disposalCosts)).minus(OPCORE_REPORTED_GAIN);
  // To 12 decimals (a millionth of a euro): a number the form and the sheet carry unchanged; the gain is 466 to 1e-12.
  return { ...BASE, carryingAmount: carrying.toDecimalPlaces(12).toNumber() };
})();

const DESCRIPTION =
  "April 2025: Iliad sold 50% of OpCore (datacenters, about 131 MW) to InfraVia at an EV of EUR 860M and booked a EUR 466M gain. " +
  "The deal priced through a locked box with a ticker and leakage, the price split between shareholder loans (PIK accrued) and shares, " +
  "the buyer's sources and uses, InfraVia's returns over dated flows on its shares and loans (XIRR), Iliad's gain on disposal, the value " +
  "creation bridge and data-centre comps with a football field. Public facts carry their source beside them; every other figure is illustrative.";

export const OPCORE_DEAL_PRICING: BuiltInTemplate = {
  id: "opcore-deal-pricing",
  title: "Deal pricing and returns: OpCore (illustrative)",
  description: DESCRIPTION,
  template: {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    kind: "dealPricing",
    presentation: { ...DEFAULT_PRESENTATION },
    title: "Deal pricing and returns: OpCore (illustrative)",
    description: DESCRIPTION,
    inputs: OPCORE_DEAL_INPUTS,
    toFill: [
      { field: "netDebtAtBox", note: ILLUSTRATIVE },
      { field: "boxDate", note: ILLUSTRATIVE },
      { field: "tickerRate", note: ILLUSTRATIVE },
      { field: "leakage", note: ILLUSTRATIVE },
      { field: "permittedLeakage", note: ILLUSTRATIVE },
      { field: "debtLike", note: ILLUSTRATIVE },
      { field: "pikRate", note: ILLUSTRATIVE },
      { field: "acquisitionDebt", note: ILLUSTRATIVE },
      { field: "fees", note: ILLUSTRATIVE },
      { field: "disposalCosts", note: ILLUSTRATIVE },
      { field: "flows", note: "Illustrative: InfraVia's dividends, loan interest and exit are not public." },
      { field: "entryEbitda", note: ILLUSTRATIVE },
      { field: "exitEbitda", note: ILLUSTRATIVE },
      { field: "exitMultiple", note: ILLUSTRATIVE },
      { field: "exitNetDebt", note: "Illustrative: growth capex funded up to 75% by bank debt (public ratio; amount illustrative)." },
      { field: "cashReturned", note: ILLUSTRATIVE },
    ],
  },
};

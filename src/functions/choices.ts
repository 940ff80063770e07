/**
 * The keywords text arguments accept. Each map lists every accepted spelling (upper case) and the
 * canonical value it stands for. Adding a spelling here is the only step to accept it in cells.
 */
import type { ShareRounding, ValuationBasis } from "../engine";

export const BASIS: Readonly<Record<string, ValuationBasis>> = {
  EQUITY: "EQUITY",
  EV: "EV",
  "ENTERPRISE VALUE": "EV",
};

export type PriceComponent = "TOTAL" | "SHARES" | "LOANS";
export const COMPONENT: Readonly<Record<string, PriceComponent>> = {
  TOTAL: "TOTAL",
  SHARES: "SHARES",
  LOANS: "LOANS",
  "SHAREHOLDER LOANS": "LOANS",
};

export const ROUNDING: Readonly<Record<string, ShareRounding>> = {
  DOWN: "DOWN",
  UP: "UP",
  NEAREST: "NEAREST",
  NONE: "NONE",
};

/**
 * English of the cap-table rules: secondary sales and primary issues (src/engine/capTable.ts,
 * src/engine/capitalIncrease.ts, src/engine/venture/secondary.ts).
 */
import { type RuleCatalogue, ruleErrors } from "../engineRules";
import { COMMON_RULES_EN } from "./common";

export const CAP_TABLE_RULES_EN = {
  sellerNotHolder: (p) => `seller "${p.seller}" is not one of the holders`,
  buyerIsSeller: (p) => `buyer must differ from the seller${p.sellers ? "s" : ""}, both are "${p.seller}"`,
  sharesSoldExceed: (p) => `shares_sold must not exceed the seller's holding: "${p.seller}" holds ${p.held}, got ${p.sold}`,
  sharesSoldByExceed: (p) => `shares sold by "${p.seller}" must not exceed its holding of ${p.held}, got ${p.sold}`,
  noSharesForStake: () => "there are no shares before or after the issue, so no stake can be computed",
} satisfies RuleCatalogue;

/** Throws this area's rules and the shared ones (./common.ts). */
export const capTableError = /* @__PURE__ */ ruleErrors([COMMON_RULES_EN, CAP_TABLE_RULES_EN]);

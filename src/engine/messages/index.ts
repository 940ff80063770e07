/**
 * The engine's whole English catalogue: every area's messages joined, one function per rule id
 * (`EngineRuleMessages`: an id missing here does not compile). For the layers that word any rule
 * (the French catalogue's tests, the OCF reader, the taskpane); the engine itself throws through
 * each area's maker, and the custom functions never import this module.
 */
import { type EngineRuleId, type EngineRuleMessages, type EngineRuleParams } from "../engineRules";
import { CAP_TABLE_RULES_EN } from "./capTable";
import { COMMON_RULES_EN } from "./common";
import { DEAL_RULES_EN } from "./deal";
import { HISTORY_RULES_EN } from "./history";
import { RETURNS_RULES_EN } from "./returns";
import { VENTURE_RULES_EN } from "./venture";

/** Each area's English, by name: no id is in two areas (test/taskpane/engineMessages.test.ts). */
export const ENGINE_RULE_AREAS_EN = {
  common: COMMON_RULES_EN,
  capTable: CAP_TABLE_RULES_EN,
  venture: VENTURE_RULES_EN,
  returns: RETURNS_RULES_EN,
  deal: DEAL_RULES_EN,
  history: HISTORY_RULES_EN,
};

/** The English messages: the engine's one wording of each rule. */
export const ENGINE_RULES_EN: EngineRuleMessages = {
  ...COMMON_RULES_EN,
  ...CAP_TABLE_RULES_EN,
  ...VENTURE_RULES_EN,
  ...RETURNS_RULES_EN,
  ...DEAL_RULES_EN,
  ...HISTORY_RULES_EN,
};

/** The text of an engine rule in a language's messages (English by default). */
export function engineRuleText<K extends EngineRuleId>(id: K, params: EngineRuleParams[K], messages: EngineRuleMessages = ENGINE_RULES_EN): string {
  return (messages[id] as (p: EngineRuleParams[K]) => string)(params);
}

/** A company's cap table over time: history replay and vesting schedules. */
export * from "./history";
export * from "./vesting";
export * from "./nextRound";

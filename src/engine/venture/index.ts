/**
 * Venture cap tables: priced rounds with the pool shuffle, SAFEs and notes, anti-dilution, secondary
 * tenders, exit waterfalls and their breakpoints. Pure decimal.js, like the rest of the engine.
 */
export * from "./round";
export * from "./instruments";
export * from "./antiDilution";
export * from "./secondary";
export * from "./waterfall";
export * from "./poolNames";
export * from "./solvers";
export * from "./roundAntiDilution";

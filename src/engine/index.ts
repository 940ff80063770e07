/**
 * The pure valuation and ownership engine: decimal.js in, decimal.js out.
 * No Office, no DOM, no I/O. Every adapter (cells, taskpane, workbook, templates) calls in here.
 */
export * from "./decimal";
export * from "./errors";
export * from "./engineRules";
export * from "./messages/common";
export * from "./rules";
export * from "./bridge";
export * from "./stakeSale";
export * from "./shares";
export * from "./capitalIncrease";
export * from "./capTable";
export * from "./multiples";
export * from "./venture";
export * from "./stakeSaleWarnings";
export * from "./vocabulary";
export * from "./history";
export * from "./text";
export * from "./deal";
export * from "./dateSystems";

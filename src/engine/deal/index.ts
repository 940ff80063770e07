/**
 * Deal pricing and returns around a stake sale (issue 16): dated returns with Excel's XIRR
 * convention, price mechanics at completion, sources and uses, value creation, comps. Pure engine.
 */
export * from "./returns";
export * from "./pricing";
export * from "./funding";
export * from "./valueBridge";
export * from "./comps";
export * from "./holders";
export * from "./incentives";

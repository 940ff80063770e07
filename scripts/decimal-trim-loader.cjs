/**
 * Webpack loader for decimal.js (node_modules/decimal.js/decimal.mjs): drops the methods the add-in
 * never calls, so the bundles do not carry them (8.6 KB of the minified functions bundle, a quarter
 * of decimal.js): the trigonometric and hyperbolic functions, random numbers, and binary, octal
 * and hexadecimal output. Nothing else in decimal.js calls them (decimal.mjs's own index of
 * functions and their callers, below its prototype), so every method kept is the same text and
 * computes exactly as before; the module-level helpers they alone used (getPi, sine, cosine,
 * toStringBinary, ...) are then unreferenced and the minifier drops them. (PI itself stays: the
 * library turns it into a Decimal when it loads.)
 *
 * `DROPPED` lists every name that stops existing, aliases included; test/scripts/decimalTrim.test.ts
 * fails when src/ calls one, and the built bundle's tests call the functions through the trimmed
 * library. Calling one anyway would throw "… is not a function", never compute something else.
 * Jest and the command line (esbuild) use the library untrimmed.
 *
 * Each removal must match exactly once: a decimal.js whose text differs fails the build (update
 * the lists), rather than silently keeping or breaking anything.
 */
"use strict";

/** Prototype methods, as decimal.mjs defines them: `P.<name> = P.<alias> = function (…) {` … `};`. */
const PROTOTYPE = [
  ["cosine", "cos"],
  ["hyperbolicCosine", "cosh"],
  ["hyperbolicSine", "sinh"],
  ["hyperbolicTangent", "tanh"],
  ["inverseCosine", "acos"],
  ["inverseHyperbolicCosine", "acosh"],
  ["inverseHyperbolicSine", "asinh"],
  ["inverseHyperbolicTangent", "atanh"],
  ["inverseSine", "asin"],
  ["inverseTangent", "atan"],
  ["sine", "sin"],
  ["tangent", "tan"],
  ["toBinary"],
  ["toHexadecimal", "toHex"],
  ["toOctal"],
];

/** Static methods, as the constructor gets them: `Decimal.<name> = <name>;`. */
const STATIC = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "atan2", "cos", "cosh", "random", "sin", "sinh", "tan", "tanh"];

/** Every method name the trimmed library no longer has (prototype or static). */
const DROPPED = [...new Set([...PROTOTYPE.flat(), ...STATIC])].sort();

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The source without the dropped methods, and the problems (a removal that did not match exactly once). */
function trimDecimal(source) {
  let text = String(source);
  const problems = [];
  for (const names of PROTOTYPE) {
    const head = names.map((n) => `P\\.${escape(n)} = `).join("");
    // From the assignment's line to the first line that is exactly "};" (decimal.mjs's method ends;
    // the published file has CRLF line ends).
    const re = new RegExp(`\\n${head}function \\([^)]*\\) \\{\\r?\\n[\\s\\S]*?\\n\\};\\r?\\n`, "g");
    const found = text.match(re) ?? [];
    if (found.length !== 1) problems.push(`P.${names[0]}: found ${found.length} definitions, expected 1`);
    else text = text.replace(re, "\n");
  }
  for (const name of STATIC) {
    const re = new RegExp(`(?<=\\n)[ \\t]*Decimal\\.${escape(name)} = ${escape(name)};[^\\r\\n]*\\r?\\n`, "g");
    const found = text.match(re) ?? [];
    if (found.length !== 1) problems.push(`Decimal.${name}: found ${found.length} assignments, expected 1`);
    else text = text.replace(re, "");
  }
  return { text, problems };
}

module.exports = function decimalTrim(source) {
  const { text, problems } = trimDecimal(source);
  if (problems.length > 0) {
    this.emitError(new Error(`decimal-trim-loader: decimal.js changed, update scripts/decimal-trim-loader.cjs: ${problems.join("; ")}`));
    return source;
  }
  return text;
};
module.exports.DROPPED = DROPPED;
module.exports.trimDecimal = trimDecimal;

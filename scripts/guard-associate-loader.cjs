/**
 * Webpack loader for src/functions/functions.ts, run right after custom-functions-metadata-plugin's
 * own loader (lib/loader.js), which appends one `CustomFunctions.associate("ID", fn);` line per
 * function to the file. Each line becomes a call to one guard appended here,
 * `__associateCustomFunction("ID", fn)`, which associates only where `typeof CustomFunctions !==
 * "undefined"`: in Excel the runtime defines CustomFunctions and every function is associated as
 * before; on the preview page (the taskpane in a plain browser, where Office.js is not loaded or not
 * in Office) there is no runtime, and the unguarded call threw `ReferenceError: CustomFunctions is
 * not defined` on every load. One guard rather than one per line: the check written out 40 times
 * was 2.2 KB of the minified bundle. A build where the plugin appended no line fails: the plugin
 * changed.
 */
"use strict";

const APPENDED = /\nCustomFunctions\.associate\(/g;

module.exports = function guardAssociate(source) {
  const text = String(source);
  const count = (text.match(APPENDED) ?? []).length;
  if (count === 0) {
    this.emitError(
      new Error("guard-associate-loader: no CustomFunctions.associate line found; custom-functions-metadata-plugin's loader must run first"),
    );
    return text;
  }
  // Plain JavaScript (no type annotations) so that it reads the same before or after ts-loader.
  return `${text.replace(APPENDED, "\n__associateCustomFunction(")}
// Appended by scripts/guard-associate-loader.cjs: associates with Excel's runtime where there is one.
function __associateCustomFunction(id, fn) {
  if (typeof CustomFunctions !== "undefined") CustomFunctions.associate(id, fn);
}
`;
};

/**
 * Webpack loader for src/functions/functions.ts, run right after custom-functions-metadata-plugin's
 * own loader (lib/loader.js), which appends one `CustomFunctions.associate("ID", fn);` line per
 * function to the file. Each line is guarded with `typeof CustomFunctions !== "undefined"`: in
 * Excel the runtime defines CustomFunctions and every function is associated as before; on the
 * preview page (the taskpane in a plain browser, where Office.js is not loaded or not in Office)
 * there is no runtime, and the unguarded call threw `ReferenceError: CustomFunctions is not
 * defined` on every load. A build where the plugin appended no line fails: the plugin changed.
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
  return text.replace(APPENDED, '\nif (typeof CustomFunctions !== "undefined") CustomFunctions.associate(');
};

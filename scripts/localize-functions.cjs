/**
 * Localized custom-function metadata (functions.<locale>.json), generated from the English
 * functions.json (itself generated from the JSDoc) and a translation table per locale
 * (src/functions/locales/<locale>.json), as Office localizes custom functions: one metadata file
 * per language, IDs unchanged, `name` and `description` of every function and parameter translated,
 * the manifest pointing each locale at its file (`<bt:Override Locale="fr-FR" .../>` on the
 * metadata URL).
 *
 * Everything but names and descriptions (id, types, optional, dimensionality, result, options)
 * is copied from functions.json, so a locale can never disagree with the code on behaviour.
 * A function or parameter missing from the table, an entry for something that no longer exists,
 * or an invalid or duplicate name is a problem: webpack (production) fails the build on it.
 *
 * Used by webpack.config.js (LocalizedFunctionsMetadataPlugin) and by the tests; also a CLI:
 *   node scripts/localize-functions.cjs [dist/functions.json]   writes dist/functions.<locale>.json
 */
const fs = require("fs");
const path = require("path");

const LOCALES_DIR = path.resolve(__dirname, "../src/functions/locales");

/** Excel's rule for a function name: starts with a letter, at least 3 characters, letters, digits, "_" and "." only. */
const FUNCTION_NAME = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;
/** Parameter names: a letter, then letters, digits and "_". */
const PARAMETER_NAME = /^\p{L}[\p{L}\p{N}_]*$/u;

function isText(value) {
  return typeof value === "string" && value.trim() !== "";
}

/** Reads every translation table in src/functions/locales (one JSON file per locale, named after it). */
function loadTables(dir = LOCALES_DIR) {
  return fs
    .readdirSync(dir)
    .filter((f) => /^[a-z]{2,3}-[A-Z]{2}\.json$/.test(f))
    .sort()
    .map((f) => {
      const table = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
      const locale = f.replace(/\.json$/, "");
      if (table.locale !== locale) throw new Error(`${f}: "locale" must be "${locale}", got ${JSON.stringify(table.locale)}`);
      return table;
    });
}

/**
 * Translates English metadata with a table. Returns the localized metadata and the problems found
 * (each a sentence naming the function, the parameter and the file to edit); never throws on a gap.
 */
function localizeMetadata(metadata, table) {
  const file = `src/functions/locales/${table.locale}.json`;
  const problems = [];
  const entries = table.functions || {};
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(entries)) {
    if (!ids.has(id)) problems.push(`${file}: "${id}" is not a function in functions.json (renamed or removed?)`);
  }
  const seenNames = new Map();
  const functions = metadata.functions.map((fn) => {
    const entry = entries[fn.id];
    if (entry === undefined) {
      problems.push(`${fn.id} has no ${table.locale} translation: add "${fn.id}" with a name, a description and its parameters to ${file}`);
      return fn;
    }
    if (!isText(entry.name) || !FUNCTION_NAME.test(entry.name)) {
      problems.push(
        `${fn.id}: the ${table.locale} name ${JSON.stringify(entry.name)} must start with a letter and have at least 3 letters, digits, "_" or "." (${file})`,
      );
    } else {
      const key = entry.name.toUpperCase();
      if (seenNames.has(key))
        problems.push(`${fn.id}: the ${table.locale} name "${entry.name}" is already the name of ${seenNames.get(key)} (${file})`);
      seenNames.set(key, fn.id);
    }
    if (!isText(entry.description)) problems.push(`${fn.id} has no ${table.locale} description (${file})`);
    const params = entry.parameters || {};
    const known = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!known.has(name)) problems.push(`${fn.id}: "${name}" in ${file} is not one of its parameters (renamed or removed?)`);
    }
    const paramNames = new Set();
    const parameters = fn.parameters.map((p) => {
      const t = params[p.name];
      if (t === undefined || !isText(t.name) || !isText(t.description)) {
        problems.push(
          `${fn.id}: the parameter "${p.name}" has no ${table.locale} name and description: add it under "${fn.id}".parameters in ${file}`,
        );
        return p;
      }
      if (!PARAMETER_NAME.test(t.name))
        problems.push(
          `${fn.id}: the ${table.locale} parameter name ${JSON.stringify(t.name)} must be a letter followed by letters, digits or "_" (${file})`,
        );
      if (paramNames.has(t.name.toLowerCase())) problems.push(`${fn.id}: two parameters are named "${t.name}" in ${table.locale} (${file})`);
      paramNames.add(t.name.toLowerCase());
      return { ...p, name: t.name, description: t.description };
    });
    return {
      ...fn,
      name: isText(entry.name) ? entry.name : fn.name,
      description: isText(entry.description) ? entry.description : fn.description,
      parameters,
    };
  });
  return { metadata: { ...metadata, functions }, problems };
}

/** The file name Office is pointed at for a locale: functions.fr-FR.json. */
function localizedFileName(locale, base = "functions.json") {
  return base.replace(/\.json$/, `.${locale}.json`);
}

module.exports = { LOCALES_DIR, loadTables, localizeMetadata, localizedFileName };

if (require.main === module) {
  const input = path.resolve(process.argv[2] || "dist/functions.json");
  const metadata = JSON.parse(fs.readFileSync(input, "utf8"));
  let failed = false;
  for (const table of loadTables()) {
    const { metadata: localized, problems } = localizeMetadata(metadata, table);
    problems.forEach((p) => console.error(`error: ${p}`));
    failed = failed || problems.length > 0;
    const output = path.join(path.dirname(input), localizedFileName(table.locale, path.basename(input)));
    fs.writeFileSync(output, JSON.stringify(localized, null, 4));
    console.log(`wrote ${path.relative(process.cwd(), output)}`);
  }
  process.exitCode = failed ? 1 : 0;
}

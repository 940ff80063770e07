/**
 * Prettier, used by ESLint's prettier/prettier rule (eslint-plugin-office-addins) and by
 * `npm run prettier`. Microsoft's templates use office-addin-prettier-config (printWidth 100,
 * trailingComma "es5"); this project keeps those keys but with the line width and trailing commas
 * its code was written with (150, "all"), so that adopting the linter does not reformat every file.
 */
const office = require("office-addin-prettier-config");

module.exports = {
  ...office,
  printWidth: 150,
  trailingComma: "all",
};

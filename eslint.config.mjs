/**
 * ESLint (flat config) as in Microsoft's Office add-in templates: eslint-plugin-office-addins'
 * configs (ESLint recommended, the Office.js rules such as load-before-read and no sync in a loop,
 * typescript-eslint, and Prettier as a rule), the React flavour for the taskpane.
 * `npm run lint` (office-addin-lint check) runs it on src/; `npm run lint:fix` fixes what it can.
 *
 * Two additions to the template: .tsx files get the same TypeScript setup as .ts (the plugin's
 * config lists only .js/.ts extensions), and `no-undef` and `no-redeclare` are left to the
 * TypeScript compiler, as typescript-eslint recommends.
 */
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const [, , typescript] = officeAddins.configs.recommended;

export default [
  { ignores: ["dist/**", "build/**", "node_modules/**", "coverage/**", "test-output/**"] },
  ...officeAddins.configs.react,
  {
    ...typescript,
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      ...typescript.languageOptions,
      parser: tsParser,
      ecmaVersion: "latest",
    },
    // The compiler checks these, knowing TypeScript's globals (Office, Excel, CustomFunctions) and
    // that a type and a value may share a name (`const Decimal` and `type Decimal`).
    rules: { ...typescript.rules, "no-undef": "off", "no-redeclare": "off" },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { ecmaVersion: "latest", globals: { ...globals.node } },
  },
];

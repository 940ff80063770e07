/**
 * ESLint (flat config) as in Microsoft's Office add-in templates: eslint-plugin-office-addins'
 * configs (ESLint recommended, the Office.js rules such as load-before-read and no sync in a loop,
 * typescript-eslint, and Prettier as a rule), the React flavour for the taskpane.
 * `npm run lint` (office-addin-lint check) runs it on src/; `npm run lint:fix` fixes what it can.
 *
 * Two additions to the template: .tsx files get the same TypeScript setup as .ts (the plugin's
 * config lists only .js/.ts extensions), and `no-undef` and `no-redeclare` are left to the
 * TypeScript compiler, as typescript-eslint recommends.
 *
 * One rule of our own, for src/: no spread arguments (`Math.max(...rows)`, `push(...cells)`) and no
 * `fn.apply(this, array)`. Each element becomes one argument on the call stack, so a user-sized array
 * (a column of 130,000 holders) throws "Maximum call stack size exceeded" (issue 13). Use a loop or
 * `reduce`; spreading into an array literal (`[...a, ...b]`) is fine.
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
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement, NewExpression > SpreadElement",
          message: "No spread arguments: one stack slot per element overflows the stack on a big range (issue 13). Use a loop or reduce.",
        },
        {
          selector: "CallExpression[callee.property.name='apply']",
          message: "No fn.apply(this, array): one stack slot per element overflows the stack on a big range (issue 13). Use a loop or reduce.",
        },
      ],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { ecmaVersion: "latest", globals: { ...globals.node } },
  },
];

/** Jest runs the TypeScript sources through ts-jest (type errors are caught by `npm run typecheck`). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx" }, diagnostics: false }],
  },
  setupFiles: ["<rootDir>/test/setup/customFunctionsStub.ts", "<rootDir>/test/setup/fastCheckSeed.ts"],
  testTimeout: 60000,
};

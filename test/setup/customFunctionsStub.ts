import { createCustomFunctionsStub } from "../support/customFunctionsRuntime";

// Installed before every test file, as Excel installs it before loading the functions script.
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = createCustomFunctionsStub();

/**
 * zod without `new Function`: imported FIRST by the taskpane entry (src/taskpane/index.tsx), so it
 * runs before any schema is built. The functions bundle has no zod (src/functions/cells.ts reads
 * cells with plain checks; test/functions/bundle.test.ts keeps it so).
 * zod probes `new Function("")` once, when the first object schema is built, to choose its
 * compiled fast path; under the taskpane's Content-Security-Policy (no 'unsafe-eval') the probe
 * throws, zod falls back, but the browser still reports a `securitypolicyviolation` (script-src
 * eval) in the console of every Office host. With `jitless` zod skips the probe
 * (node_modules/zod/v4/core/util.js `allowsEval`) and parses the same way it does after the
 * fallback. test/hardening/csp.test.ts checks that the built page loads without that violation.
 */
import { z } from "zod";

z.config({ jitless: true });

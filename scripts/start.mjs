#!/usr/bin/env node
/**
 * `npm start`: build, then run the add-in.
 * - Where Excel can be driven (Windows, macOS), sideload manifest.xml into Excel desktop with
 *   office-addin-debugging, as Microsoft's templates do.
 * - Elsewhere (Linux, CI), there is no Excel to sideload into: serve the add-in on
 *   https://localhost:3000 and say what to open.
 */
import { spawn } from "node:child_process";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

const hasDesktopExcel = process.platform === "win32" || process.platform === "darwin";

if (hasDesktopExcel && !process.env.CAPTABLE_NO_SIDELOAD) {
  await run(npx, ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
} else {
  console.log(
    [
      "",
      "Excel desktop is not available on this machine, so nothing is sideloaded.",
      "The add-in is being served on https://localhost:3000:",
      "  - taskpane (runs as a preview outside Excel): https://localhost:3000/taskpane.html",
      "  - custom functions: https://localhost:3000/functions.js and functions.json",
      "To use it in Excel on the web: Insert > Add-ins > Upload My Add-in > manifest.xml",
      "  (or: npm run start:web -- --document <URL of a workbook in OneDrive/SharePoint>).",
      "To see a model without Excel, build the OpCore workbook from the command line (see README).",
      "Stop with Ctrl+C.",
      "",
    ].join("\n"),
  );
  await run(npx, ["webpack", "serve", "--mode", "development"]);
}

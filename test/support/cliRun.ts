/**
 * The command line run in process, as the CLI tests drive it: its output collected, its exit code
 * returned. `now` fixes the clock for commands that stamp a date (export-ocf).
 */
import { main } from "../../src/cli/main";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: string[], cwd: string, now?: () => Date): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, ...(now === undefined ? {} : { now }) });
  return { code, stdout, stderr };
}

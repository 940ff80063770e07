/** Types of scripts/start-lib.cjs (used by scripts/start.mjs and the tests). */
import type { SpawnOptions } from "node:child_process";

export interface SpawnPlan {
  command: string;
  args: string[];
  options: SpawnOptions;
}
export function spawnPlan(platform: string, command: string, args: readonly string[]): SpawnPlan;

export interface ChildLike {
  pid?: number;
  exitCode: number | null;
  signalCode: string | null;
}
export interface StopSystem {
  platform: string;
  kill(pid: number, signal: string): void;
  /** Also asked `pgrep -P <pid>`: must then answer `{ stdout }`, one pid a line. */
  spawnSync(command: string, args: string[], options: object): unknown;
}
export function stopChild(child: ChildLike, sys: StopSystem): boolean;

export interface ProcessLike {
  on(signal: string, handler: (signal: string) => void): unknown;
  exit(code: number): void;
}
export function stopOnSignals(proc: ProcessLike, children: readonly ChildLike[], sys: StopSystem): (signal: string) => void;

export interface ServedAnswer {
  status?: number;
  issuer?: string;
}
export function waitUntilServed(
  url: string,
  options: { get(url: string): Promise<ServedAnswer>; sleep(ms: number): Promise<void>; gaveUp(): boolean; intervalMs?: number },
): Promise<ServedAnswer>;

export function servedMessage(origin: string, issuer: string | undefined): string;
export const OFFICE_DEV_CA: string;

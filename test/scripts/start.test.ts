/**
 * `npm start` (scripts/start.mjs): its decisions in scripts/start-lib.cjs, for every platform, with
 * fake processes (nothing is spawned, nothing waits on a clock).
 */
import { EventEmitter } from "node:events";
import {
  OFFICE_DEV_CA,
  servedMessage,
  spawnPlan,
  stopChild,
  stopOnSignals,
  waitUntilServed,
  type ChildLike,
  type StopSystem,
} from "../../scripts/start-lib.cjs";

/** A fake system: records kills and spawnSync calls; `pgrep -P <pid>` answers from `tree` (parent -> children). */
function recorder(platform: string, tree: Record<number, number[]> = {}): StopSystem & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    platform,
    calls,
    kill: (pid, signal) => void calls.push(["kill", pid, signal]),
    spawnSync: (command, args) => {
      if (command === "pgrep") return { stdout: (tree[Number(args[1])] ?? []).join("\n") + "\n" };
      calls.push(["spawnSync", command, ...args]);
      return {};
    },
  };
}

const running = (pid: number): ChildLike => ({ pid, exitCode: null, signalCode: null });

describe("spawnPlan: how npm start spawns npx", () => {
  test("Windows: through the shell (a .cmd without one is refused with EINVAL since CVE-2024-27980), as one command line", () => {
    expect(spawnPlan("win32", "npx", ["webpack", "serve", "--mode", "development"])).toEqual({
      command: "npx webpack serve --mode development",
      args: [],
      options: { stdio: "inherit", shell: true, windowsHide: true },
    });
  });

  test("Windows: a word cmd.exe would interpret is refused rather than passed to the shell", () => {
    expect(() => spawnPlan("win32", "npx", ["a & calc"])).toThrow('"a & calc" would be interpreted by cmd.exe');
    expect(() => spawnPlan("win32", "npx", ['"quoted"'])).toThrow("cmd.exe");
  });

  test.each(["linux", "darwin"])(
    "%s: no shell, and the child stays in the terminal's group (sudo's password prompt for the dev certificates needs it)",
    (platform) => {
      const plan = spawnPlan(platform, "npx", ["office-addin-debugging", "start", "manifest.xml", "desktop"]);
      expect(plan).toEqual({
        command: "npx",
        args: ["office-addin-debugging", "start", "manifest.xml", "desktop"],
        options: { stdio: "inherit" },
      });
      expect(plan.options.shell).toBeUndefined();
      expect(plan.options.detached).toBeUndefined();
    },
  );
});

describe("Ctrl-C stops what npm start started", () => {
  test("Linux/macOS: SIGINT sends SIGTERM to every process under each running child, deepest first, then to it; exits 130", () => {
    const proc = Object.assign(new EventEmitter(), {
      exited: [] as number[],
      exit(code: number) {
        this.exited.push(code);
      },
    });
    // npx (4242) -> sh (4243) -> webpack (4244) -> a worker (4245); an exited child (77) is skipped.
    const sys = recorder("linux", { 4242: [4243], 4243: [4244], 4244: [4245], 99: [] });
    const children = [running(4242), { pid: 77, exitCode: 0, signalCode: null }, running(99)];
    stopOnSignals(proc, children, sys);
    proc.emit("SIGINT", "SIGINT");
    expect(sys.calls).toEqual([
      ["kill", 4245, "SIGTERM"],
      ["kill", 4244, "SIGTERM"],
      ["kill", 4243, "SIGTERM"],
      ["kill", 4242, "SIGTERM"],
      ["kill", 99, "SIGTERM"],
    ]);
    expect(proc.exited).toEqual([130]);
  });

  test("Windows: taskkill on the whole tree; SIGTERM exits 143", () => {
    const proc = Object.assign(new EventEmitter(), {
      exited: [] as number[],
      exit(code: number) {
        this.exited.push(code);
      },
    });
    const sys = recorder("win32");
    stopOnSignals(proc, [running(1234)], sys);
    proc.emit("SIGTERM", "SIGTERM");
    expect(sys.calls).toEqual([["spawnSync", "taskkill", "/pid", "1234", "/T", "/F"]]);
    expect(proc.exited).toEqual([143]);
  });

  test("a child that never started or was stopped by a signal is left alone; a process already gone is not an error", () => {
    const sys = recorder("linux");
    expect(stopChild({ pid: undefined, exitCode: null, signalCode: null }, sys)).toBe(false);
    expect(stopChild({ pid: 5, exitCode: null, signalCode: "SIGTERM" }, sys)).toBe(false);
    expect(sys.calls).toEqual([]);
    const gone: StopSystem = {
      ...sys,
      kill: () => {
        throw Object.assign(new Error("kill ESRCH"), { code: "ESRCH" });
      },
    };
    expect(stopChild(running(6), gone)).toBe(true);
  });
});

describe("npm start says when the add-in is really served", () => {
  test("waits through refused connections and 404s until the page answers 200", async () => {
    const answers: (Error | { status: number; issuer?: string })[] = [
      new Error("ECONNREFUSED"),
      { status: 404 },
      { status: 200, issuer: "localhost" },
    ];
    const asked: string[] = [];
    let slept = 0;
    const answer = await waitUntilServed("https://localhost:3000/taskpane.html", {
      get: async (url) => {
        asked.push(url);
        const next = answers.shift()!;
        if (next instanceof Error) throw next;
        return next;
      },
      sleep: async () => void slept++,
      gaveUp: () => false,
    });
    expect(answer).toEqual({ status: 200, issuer: "localhost" });
    expect(asked).toHaveLength(3);
    expect(slept).toBe(2);
  });

  test("stops waiting when the dev server has ended", async () => {
    let ended = false;
    await expect(
      waitUntilServed("https://localhost:3000/taskpane.html", {
        get: async () => {
          ended = true;
          throw new Error("ECONNREFUSED");
        },
        sleep: async () => undefined,
        gaveUp: () => ended,
      }),
    ).rejects.toThrow("the dev server stopped before serving https://localhost:3000/taskpane.html");
  });

  test("a self-signed certificate: says to trust it in the browser first, then how to sideload in Excel on the web", () => {
    const text = servedMessage("https://localhost:3000", "localhost");
    expect(text).toContain("Ready: the add-in is served on https://localhost:3000");
    expect(text).toContain("The certificate is self-signed");
    expect(text).toContain("Open https://localhost:3000/taskpane.html once in the browser");
    expect(text).toMatch(/2\. Open a workbook on https:\/\/office\.com, then Home > Add-ins > More Settings/);
    expect(text).toContain("Upload My Add-in, and choose manifest.xml");
    expect(text).toContain("Stop with Ctrl+C.");
  });

  test("the Office dev certificate: no certificate step", () => {
    const text = servedMessage("https://localhost:3000", OFFICE_DEV_CA);
    expect(text).not.toContain("self-signed");
    expect(text).toMatch(/1\. Open a workbook on https:\/\/office\.com/);
  });
});

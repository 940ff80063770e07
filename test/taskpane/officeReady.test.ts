/**
 * Connecting to Excel (src/taskpane/officeReady.ts): inside Office the taskpane never ends up stuck
 * in the preview when Office.onReady answers late; outside Office it still starts the preview. The
 * timeout and onReady are promises resolved by hand, in each order: no clock.
 */
import { isOfficeHosted, watchOffice, type Connection, type PageEnv, type ReadyInfo } from "../../src/taskpane/officeReady";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

function watch(hosted: boolean) {
  const ready = deferred<ReadyInfo>();
  const timeout = deferred<void>();
  const seen: Connection[] = [];
  watchOffice({ ready: ready.promise, timeout: timeout.promise, hosted, onChange: (c) => seen.push(c) });
  return { ready, timeout, seen };
}

describe("inside Office (a hosted page)", () => {
  test("onReady after the timeout: still connecting, then Excel; never the preview", async () => {
    const w = watch(true);
    w.timeout.resolve();
    await settle();
    w.ready.resolve({ host: "Excel", displayLanguage: "fr-CA" });
    await settle();
    expect(w.seen).toEqual([
      { state: "connecting", slow: false },
      { state: "connecting", slow: true },
      { state: "excel", displayLanguage: "fr-CA" },
    ]);
  });

  test("onReady before the timeout: Excel, and the timeout changes nothing", async () => {
    const w = watch(true);
    w.ready.resolve({ host: "Excel", displayLanguage: "en-US" });
    await settle();
    w.timeout.resolve();
    await settle();
    expect(w.seen).toEqual([
      { state: "connecting", slow: false },
      { state: "excel", displayLanguage: "en-US" },
    ]);
  });
});

describe("outside Office (a plain browser)", () => {
  test("Office.js answers with no host: the preview", async () => {
    const w = watch(false);
    w.ready.resolve({ host: null });
    await settle();
    w.timeout.resolve();
    await settle();
    expect(w.seen.map((c) => c.state)).toEqual(["connecting", "preview"]);
  });

  test("no answer before the timeout: the preview, then Excel when it answers late", async () => {
    const w = watch(false);
    w.timeout.resolve();
    await settle();
    w.ready.resolve({ host: "Excel" });
    await settle();
    expect(w.seen).toEqual([{ state: "connecting", slow: false }, { state: "preview" }, { state: "excel" }]);
  });

  test("onReady failing: the preview", async () => {
    const w = watch(false);
    w.ready.reject(new Error("Office.js failed"));
    await settle();
    expect(w.seen.map((c) => c.state)).toEqual(["connecting", "preview"]);
  });
});

describe("is the page hosted by Office? (the signs Office.js reads itself)", () => {
  const plain: PageEnv = { search: "", hash: "", framed: false, windowName: "", storedHostInfo: false, externalHostInfo: false };
  test.each<[string, Partial<PageEnv>, boolean]>([
    ["a plain browser tab", {}, false],
    ["Excel desktop: _host_Info in the URL", { search: "?_host_Info=Excel$Win32$16.01$en-US$$$$0" }, true],
    ["_host_Info in the hash", { hash: "#_host_Info=Excel|Mac|16.00" }, true],
    ["Excel on the web: in a frame", { framed: true }, true],
    ["host info kept by Office.js across a reload", { storedHostInfo: true }, true],
    ["window.external.GetHostInfo (desktop)", { externalHostInfo: true }, true],
    ["host info in window.name", { windowName: JSON.stringify({ hostInfo: "Excel|Win32" }) }, true],
    ["another window.name", { windowName: "tab-1" }, false],
  ])("%s", (_what, env, hosted) => {
    expect(isOfficeHosted({ ...plain, ...env })).toBe(hosted);
  });
});

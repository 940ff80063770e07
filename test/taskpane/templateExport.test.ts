/**
 * Getting a template out of the taskpane (src/taskpane/templateExport.ts): no Download offered where
 * Office cannot download (Excel for Mac, office-js #2700, #3385, #6468), and Copy reports success
 * only when the clipboard or its fallback said so.
 */
import { canDownload, copyText, officePlatform } from "../../src/taskpane/templateExport";

describe("where a download is offered", () => {
  test("not in Excel for Mac or on iPad; on Windows, the web and outside Office", () => {
    expect(canDownload("Mac")).toBe(false);
    expect(canDownload("iOS")).toBe(false);
    expect(canDownload("PC")).toBe(true);
    expect(canDownload("OfficeOnline")).toBe(true);
    expect(canDownload(undefined)).toBe(true);
  });

  test("the platform is read from Office.context.platform, and is undefined outside Office", () => {
    const g = globalThis as unknown as { Office?: unknown };
    expect(officePlatform()).toBeUndefined();
    g.Office = { context: { platform: "Mac" } };
    try {
      expect(officePlatform()).toBe("Mac");
      expect(canDownload(officePlatform())).toBe(false);
    } finally {
      delete g.Office;
    }
  });
});

describe("copy", () => {
  test("the clipboard API when it works, without the fallback", async () => {
    const written: string[] = [];
    let fallback = 0;
    const ok = await copyText("{}", { writeText: async (t) => void written.push(t), selectAndCopy: () => (fallback++, true) });
    expect([ok, written, fallback]).toEqual([true, ["{}"], 0]);
  });

  test("refused clipboard (Excel on the web's iframe): select and copy instead", async () => {
    let fallback = 0;
    const ok = await copyText("{}", { writeText: () => Promise.reject(new Error("NotAllowedError")), selectAndCopy: () => (fallback++, true) });
    expect([ok, fallback]).toEqual([true, 1]);
  });

  test("nothing worked: reported as not copied, never as done", async () => {
    await expect(copyText("{}", { writeText: () => Promise.reject(new Error("no")), selectAndCopy: () => false })).resolves.toBe(false);
    await expect(
      copyText("{}", {
        selectAndCopy: () => {
          throw new Error("execCommand unsupported");
        },
      }),
    ).resolves.toBe(false);
  });
});

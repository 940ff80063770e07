/**
 * The readers of stored XML at their maximum size (2 MB of text): parseModel and parseTemplatePart
 * (src/workbook/xml.ts's linear parser underneath) on hostile shapes, each printed with its ratio
 * to a linear baseline measured on the same machine and the same input: JSON.parse of a JSON text
 * of the same length (a native linear parser). Targets: under 2 s at the maximum size (they took
 * 130 s and 30-48 s with the former regular expressions), and a ratio to the baseline printed for
 * information (a linear reader keeps it flat as the input grows; the half-size row shows it).
 * Source functions are imported directly: these readers are not in the functions bundle.
 */
import { MAX_MODEL_XML, MODEL_XML_NAMESPACE, parseModel } from "../../src/workbook/modelXml";
import { TEMPLATE_XML_NAMESPACE, parseTemplatePart } from "../../src/templates/workbookPart";
import { Measurement, defineCase, medianMsBoth } from "../harness";

/** The largest `shape(n)` no longer than `max` characters. */
function atMost(shape: (n: number) => string, max: number): string {
  let lo = 1;
  let hi = 2;
  while (shape(hi).length <= max) hi *= 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (shape(mid).length <= max) lo = mid;
    else hi = mid;
  }
  return shape(lo);
}

const SHAPES: readonly { name: string; read: (xml: string) => unknown; shape: (n: number) => string }[] = [
  {
    name: "parseModel, sibling elements",
    read: parseModel,
    shape: (n) => `<w xmlns="${MODEL_XML_NAMESPACE}">${'<captableModel k="2"/>'.repeat(n)}</w>`,
  },
  {
    name: "parseModel, a model with escaped text",
    read: parseModel,
    shape: (n) =>
      `<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="m-1" kind="stakeSale" schemaVersion="1">{"a":"${"&lt;x&amp;&#233;".repeat(n)}"}</captableModel>`,
  },
  {
    name: "parseTemplatePart, many attributes",
    read: parseTemplatePart,
    shape: (n) =>
      `<t:x xmlns:t="${TEMPLATE_XML_NAMESPACE}">${`<t:e ${Array.from({ length: 100 }, (_, k) => `a${k}='${k}'`).join(" ")}/>`.repeat(n)}</t:x>`,
  },
  {
    name: "parseTemplatePart, unclosed tags",
    read: parseTemplatePart,
    shape: (n) => `<captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="m-1">${"<a b='1' ".repeat(n)}`,
  },
];

/** A JSON text of `length` characters (an array of small objects), for the linear baseline. */
function jsonOfLength(length: number): string {
  const item = '{"k":"2","v":[1,2]},';
  return `[${item.repeat(Math.floor((length - 2) / item.length)).slice(0, -1)}]`;
}

export default defineCase({
  name: "XML readers, 2 MB",
  run() {
    const rows: Measurement[] = [];
    for (const { name, read, shape } of SHAPES) {
      for (const size of [MAX_MODEL_XML / 2, MAX_MODEL_XML]) {
        const xml = atMost(shape, size);
        const baselineText = jsonOfLength(xml.length);
        const time = medianMsBoth(() => read(xml), 3, 1);
        const baseline = medianMsBoth(() => JSON.parse(baselineText), 3, 1);
        const full = size === MAX_MODEL_XML;
        rows.push({
          name: `${name}, ${(xml.length / 1e6).toFixed(1)} M characters`,
          value: time.wall,
          unit: "ms",
          target: full ? { below: 2000 } : undefined,
          note: `${(time.cpu / Math.max(baseline.cpu, 0.01)).toFixed(1)}x JSON.parse of the same length (CPU time)${full ? "" : ", for information: half size"}`,
        });
      }
    }
    return rows;
  },
});

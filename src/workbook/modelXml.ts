/**
 * How a model's inputs are stored inside a workbook: one custom XML part per model, so the
 * taskpane can list the models of a workbook, re-open one and rebuild its sheet, and a workbook
 * written by the command line (.xlsx) opens in the add-in the same way.
 *
 *   <captableModel xmlns="urn:captable:model:1" id="m-…" sheet="OpCore deal" kind="stakeSale"
 *                  schemaVersion="1">{ JSON of the model inputs, XML-escaped }</captableModel>
 *
 * - `id`: stable model ID (letters, digits, "-" and "_"), unique in the workbook.
 * - `sheet`: the name of the sheet the model created (the only sheet a rebuild may replace).
 * - `kind`: the model kind ("stakeSale", …); the JSON is validated by that kind's zod schema when read.
 * Pure string functions: Office.js (customXmlParts) and the .xlsx writer both call these.
 */

export const MODEL_XML_NAMESPACE = "urn:captable:model:1";

export interface StoredModel {
  readonly id: string;
  readonly sheet: string;
  readonly kind: string;
  readonly schemaVersion: number;
  /** The model inputs as plain JSON data (validated by the kind's schema when used). */
  readonly inputs: unknown;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_XML = 2_000_000;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** A fresh model ID. */
export function newModelId(random: () => number = Math.random): string {
  return `m-${Date.now().toString(36)}-${Math.floor(random() * 36 ** 6).toString(36)}`;
}

export function serializeModel(model: StoredModel): string {
  if (!ID.test(model.id)) throw new Error(`model id must be 1-64 letters, digits, "-" or "_", got "${model.id}"`);
  if (!ID.test(model.kind)) throw new Error(`model kind must be 1-64 letters, digits, "-" or "_", got "${model.kind}"`);
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<captableModel xmlns="${MODEL_XML_NAMESPACE}" id="${model.id}" sheet="${escapeXml(model.sheet)}" kind="${model.kind}" schemaVersion="${model.schemaVersion}">` +
    escapeXml(JSON.stringify(model.inputs)) +
    `</captableModel>`
  );
}

/** The root element of a small XML document: namespace, local name, attributes (unprefixed), text. */
export interface XmlRoot {
  readonly namespace: string;
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
}

/** Decodes the five named entities, numeric character references and CDATA sections. */
function decodeXmlText(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(lt|gt|quot|apos|amp|#[0-9]+|#x[0-9A-Fa-f]+);/g, (_, cdata: string | undefined, e: string) => {
    if (cdata !== undefined) return cdata;
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[e] as string;
  });
}

/**
 * The root element of a custom XML part, however the application that saved it wrote it: with or
 * without an XML declaration, a byte order mark, comments, a namespace prefix (`<ns0:x
 * xmlns:ns0="…">`), single or double quotes, attributes in any order, entities, character
 * references or CDATA in the text. Undefined for anything else (a root with child elements, or not
 * XML). Never throws.
 */
export function readXmlRoot(xml: string): XmlRoot | undefined {
  if (xml.length > MAX_XML) return undefined;
  const body = xml
    .replace(/^\uFEFF/, "")
    .replace(/<\?[\s\S]*?\?>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .trim();
  const m = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(?:\/>$|>([\s\S]*)<\/\1?\2\s*>$)/.exec(
    body,
  );
  if (m === null) return undefined;
  const prefix = m[1]?.slice(0, -1);
  const attributes: Record<string, string> = {};
  let namespace: string | undefined;
  for (const a of m[3].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const value = decodeXmlText(a[2] ?? a[3]);
    if (a[1] === (prefix === undefined ? "xmlns" : `xmlns:${prefix}`)) namespace = value;
    else if (!a[1].includes(":") && a[1] !== "xmlns") attributes[a[1]] = value;
  }
  return { namespace: namespace ?? "", local: m[2], attributes, text: decodeXmlText(m[4] ?? "") };
}

/** Parses a stored model part; returns undefined for a part that is not ours or is malformed (never throws). */
export function parseModel(xml: string): StoredModel | undefined {
  const root = readXmlRoot(xml);
  if (root === undefined || root.local !== "captableModel" || root.namespace !== MODEL_XML_NAMESPACE) return undefined;
  const attrs = root.attributes;
  if (!ID.test(attrs.id ?? "") || !ID.test(attrs.kind ?? "")) return undefined;
  const version = Number(attrs.schemaVersion);
  if (!Number.isInteger(version) || version < 1) return undefined;
  try {
    return { id: attrs.id, sheet: attrs.sheet ?? "", kind: attrs.kind, schemaVersion: version, inputs: JSON.parse(root.text) };
  } catch {
    return undefined;
  }
}

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

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] as string);
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

/** Parses a stored model part; returns undefined for a part that is not ours or is malformed (never throws). */
export function parseModel(xml: string): StoredModel | undefined {
  if (xml.length > MAX_XML) return undefined;
  const m = /<captableModel\s+([^>]*)>([\s\S]*)<\/captableModel>\s*$/.exec(xml);
  if (m === null) return undefined;
  const attrs: Record<string, string> = {};
  for (const a of m[1].matchAll(/([A-Za-z:]+)="([^"]*)"/g)) attrs[a[1]] = unescapeXml(a[2]);
  if (attrs.xmlns !== MODEL_XML_NAMESPACE || !ID.test(attrs.id ?? "") || !ID.test(attrs.kind ?? "")) return undefined;
  const version = Number(attrs.schemaVersion);
  if (!Number.isInteger(version) || version < 1) return undefined;
  try {
    return { id: attrs.id, sheet: attrs.sheet ?? "", kind: attrs.kind, schemaVersion: version, inputs: JSON.parse(unescapeXml(m[2])) };
  } catch {
    return undefined;
  }
}

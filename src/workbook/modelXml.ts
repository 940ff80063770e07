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

import { XML_LIMITS, escapeXml, parseXml, textOf, type XmlLimits } from "./xml";
import { xlsxError } from "./xlsxRules";

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
/** The largest stored part read, in characters (a model's inputs are a few kilobytes). */
export const MAX_MODEL_XML = 2_000_000;
const PART_LIMITS: XmlLimits = { ...XML_LIMITS, maxChars: MAX_MODEL_XML };

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
  /** True when the root holds elements as well as (or instead of) text. */
  readonly hasElements: boolean;
}

/**
 * The root element of a custom XML part, however the application that saved it wrote it: with or
 * without an XML declaration, a byte order mark, comments, a namespace prefix (`<ns0:x
 * xmlns:ns0="…">`), single or double quotes, attributes in any order, entities, character
 * references or CDATA in the text (read by the linear parser of xml.ts). Throws an `XmlError`
 * naming the line and column for a document that is not well-formed XML or is over
 * MAX_MODEL_XML characters.
 */
export function readXmlRootStrict(xml: string): XmlRoot {
  const root = parseXml(xml, PART_LIMITS);
  const attributes: [string, string][] = [];
  for (const [name, value] of Object.entries(root.attributes)) if (!name.includes(":")) attributes.push([name, value]);
  return {
    namespace: root.namespace,
    local: root.local,
    attributes: Object.fromEntries(attributes),
    text: textOf(root),
    hasElements: root.children.some((c) => typeof c !== "string"),
  };
}

/** readXmlRootStrict, or undefined for a document it refuses, or a root holding elements. Never throws. */
export function readXmlRoot(xml: string): XmlRoot | undefined {
  try {
    const root = readXmlRootStrict(xml);
    return root.hasElements ? undefined : root;
  } catch {
    return undefined;
  }
}

/**
 * Reads a stored part: the model, or undefined for well-formed XML that is not a model part (another
 * namespace or element: Excel's own parts, other add-ins'). Throws a clear Error for a part that is
 * not well-formed XML (an `XmlError`, line and column named), or is a model part whose content is
 * wrong (which attribute, or the JSON: an `XlsxReadError` with its rule, xlsxRules.ts).
 */
export function readModelPart(xml: string): StoredModel | undefined {
  const root = readXmlRootStrict(xml);
  if (root.local !== "captableModel" || root.namespace !== MODEL_XML_NAMESPACE) return undefined;
  if (root.hasElements) throw xlsxError("modelElements", {});
  const attrs = root.attributes;
  for (const name of ["id", "kind"] as const) {
    if (!ID.test(attrs[name] ?? "")) throw xlsxError("modelAttribute", { name, got: attrs[name] ?? "" });
  }
  const version = Number(attrs.schemaVersion);
  if (!Number.isInteger(version) || version < 1) throw xlsxError("modelSchemaVersion", { got: attrs.schemaVersion ?? "" });
  let inputs: unknown;
  try {
    inputs = JSON.parse(root.text);
  } catch {
    throw xlsxError("modelJson", { id: attrs.id });
  }
  return { id: attrs.id, sheet: attrs.sheet ?? "", kind: attrs.kind, schemaVersion: version, inputs };
}

/** readModelPart, with undefined for a part it refuses (for listings that skip what they cannot read). Never throws. */
export function parseModel(xml: string): StoredModel | undefined {
  try {
    return readModelPart(xml);
  } catch {
    return undefined;
  }
}

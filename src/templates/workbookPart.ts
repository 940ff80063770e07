/**
 * A template stored inside a workbook, next to the model it describes, so that a workbook can be
 * turned back into the template it came from (title, description, inputs to fill, presentation).
 * The model's own part (src/workbook/modelXml.ts) stays the authority for the inputs: the template
 * part only adds what the model part does not hold.
 *
 *   <captableTemplate xmlns="urn:captable:template:1" model="m-…">{ template JSON, XML-escaped }</captableTemplate>
 *
 * Pure string functions, as modelXml.ts.
 */
import { readXmlRoot } from "../workbook/modelXml";

export const TEMPLATE_XML_NAMESPACE = "urn:captable:template:1";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** The XML of a template part for the model `modelId`; `templateJson` is templateToJson's output. */
export function serializeTemplatePart(modelId: string, templateJson: string): string {
  if (!ID.test(modelId)) throw new Error(`model id must be 1-64 letters, digits, "-" or "_", got "${modelId}"`);
  return `<?xml version="1.0" encoding="UTF-8"?><captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="${modelId}">${escapeXml(templateJson)}</captableTemplate>`;
}

/** The model id and the template JSON text of a template part, or undefined for any other part (never throws). */
export function parseTemplatePart(xml: string): { modelId: string; json: string } | undefined {
  // The same tolerant reading as the model part's: Excel may rewrite the XML when it saves.
  const root = readXmlRoot(xml);
  if (root === undefined || root.local !== "captableTemplate" || root.namespace !== TEMPLATE_XML_NAMESPACE) return undefined;
  const modelId = root.attributes.model ?? "";
  return ID.test(modelId) ? { modelId, json: root.text } : undefined;
}

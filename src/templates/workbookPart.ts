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
import { readXmlRootStrict } from "../workbook/modelXml";
import { escapeXml } from "../workbook/xml";

export const TEMPLATE_XML_NAMESPACE = "urn:captable:template:1";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The XML of a template part for the model `modelId`; `templateJson` is templateToJson's output. */
export function serializeTemplatePart(modelId: string, templateJson: string): string {
  if (!ID.test(modelId)) throw new Error(`model id must be 1-64 letters, digits, "-" or "_", got "${modelId}"`);
  return `<?xml version="1.0" encoding="UTF-8"?><captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="${modelId}">${escapeXml(templateJson)}</captableTemplate>`;
}

/**
 * The model id and the template JSON text of a template part, or undefined for well-formed XML that
 * is not one. Throws a clear Error for a part that is not well-formed XML (line and column named)
 * or a template part without a valid model id.
 */
export function readTemplatePart(xml: string): { modelId: string; json: string } | undefined {
  // The same tolerant reading as the model part's: Excel may rewrite the XML when it saves.
  const root = readXmlRootStrict(xml);
  if (root.local !== "captableTemplate" || root.namespace !== TEMPLATE_XML_NAMESPACE) return undefined;
  if (root.hasElements) throw new Error("the stored template <captableTemplate> must hold only its JSON text, not elements");
  const modelId = root.attributes.model ?? "";
  if (!ID.test(modelId)) throw new Error(`the stored template's model must be 1-64 letters, digits, "-" or "_", got "${modelId}"`);
  return { modelId, json: root.text };
}

/** readTemplatePart, with undefined for a part it refuses. Never throws. */
export function parseTemplatePart(xml: string): { modelId: string; json: string } | undefined {
  try {
    return readTemplatePart(xml);
  } catch {
    return undefined;
  }
}

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
export const TEMPLATE_XML_NAMESPACE = "urn:captable:template:1";

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_XML = 2_000_000;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e] as string);
}

/** The XML of a template part for the model `modelId`; `templateJson` is templateToJson's output. */
export function serializeTemplatePart(modelId: string, templateJson: string): string {
  if (!ID.test(modelId)) throw new Error(`model id must be 1-64 letters, digits, "-" or "_", got "${modelId}"`);
  return `<?xml version="1.0" encoding="UTF-8"?><captableTemplate xmlns="${TEMPLATE_XML_NAMESPACE}" model="${modelId}">${escapeXml(templateJson)}</captableTemplate>`;
}

/** The model id and the template JSON text of a template part, or undefined for any other part (never throws). */
export function parseTemplatePart(xml: string): { modelId: string; json: string } | undefined {
  if (xml.length > MAX_XML) return undefined;
  const m = /<captableTemplate\s+xmlns="([^"]*)"\s+model="([^"]*)">([\s\S]*)<\/captableTemplate>\s*$/.exec(xml);
  if (m === null || m[1] !== TEMPLATE_XML_NAMESPACE || !ID.test(m[2])) return undefined;
  return { modelId: m[2], json: unescapeXml(m[3]) };
}

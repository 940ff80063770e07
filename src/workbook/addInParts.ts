/**
 * How an .xlsx file holds calls to the add-in's custom functions so that Excel binds them to the
 * add-in, exactly as Excel itself saves them (direct evidence: an .xlsx saved by Excel 16.107,
 * evelyn-chrono/officejs-custom-functions-name-error-repro, sheet "Correct", attached to office-js
 * #6611; notes in /work/shared/research/office-platform.md §6):
 *
 * - a call is stored under its bound name `_xldudf_<NAMESPACE>_<ID>(…)`, never `CAPTABLE.<ID>(…)`:
 *   a plain name is what Excel saves for a call typed while the add-in was NOT loaded, and it stays
 *   #NAME? after the add-in loads, through full recalculation (office-js #6611, #6395; #6355 "by
 *   design"). Microsoft's explanation of the prefix: office-js #3558; #3872 shows an ID with "_".
 * - the cell is a dynamic-array formula (`<c cm="1"><f t="array" ref="…">`), its cell metadata
 *   pointing at the XLDAPR dynamic-array properties in xl/metadata.xml ([MS-XLSX] schema of
 *   CT_DynamicArrayProperties, fDynamic/fCollapsed, namespace
 *   http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray:
 *   https://learn.microsoft.com/openspecs/office_standards/ms-xlsx/878c8ac4-8548-4bfb-9ad4-b1378e0efed1;
 *   [MS-XLSB] 2.4.413: fCollapsed "MUST be ignored and MUST be 0");
 * - the workbook names the add-in in a web extension part (xl/webextensions/webextension1.xml,
 *   [MS-OWEXML] 2.2.7 CT_OsfWebExtension, https://learn.microsoft.com/openspecs/office_standards/ms-owexml/;
 *   the parts as Microsoft's "Automatically open a task pane with a document" describes them)
 *   listing the bound ids (`we:customFunctionIdList`,
 *   [MS-OWEXML] 2.2.13 CT_CustomFunctionList, inside the extension list entry
 *   {7C84B067-C214-45C3-A712-C9D94CD141B2} as Excel writes it), reached from a task pane part
 *   (xl/webextensions/taskpanes.xml) through a package-level relationship.
 *
 * Pure string functions: no Office, no I/O. xlsxWriter.ts places the parts; tests check them.
 */

import { escapeXml } from "./xml";

/** The custom functions' namespace (manifest.xml, Functions.Namespace). */
export const FUNCTIONS_NAMESPACE = "CAPTABLE";

/**
 * Where a workbook says the add-in comes from ([MS-OWEXML] 2.2.5 CT_OsfWebExtensionReference).
 * The values depend on how the user got the add-in (Microsoft, "Automatically open a task pane
 * with a document", table of `storeType` values):
 * - sideloaded / developer add-in: `storeType: "Registry"`, `store: "developer"`, `id` = manifest Id
 *   (what Excel wrote in the evidence file above, and our default);
 * - Centralized Deployment (Microsoft 365 admin center): `storeType: "EXCatalog"`, `store: "EXCatalog"`,
 *   `id` = manifest Id;
 * - Microsoft Marketplace (AppSource): `storeType: "OMEX"`, `store` = the Marketplace locale
 *   ("en-US"), `id` = the Marketplace asset id ("WA1…"), `version` = the Marketplace version;
 * - a network share catalog: `storeType: "FileSystem"`, `store` = the share's path.
 * A reference that does not match how the colleague got the add-in is not bound by Excel: the
 * cached values stay visible, and the taskpane's Rebuild makes the cells live.
 */
export interface AddInReference {
  readonly id: string;
  readonly version: string;
  readonly store: string;
  readonly storeType: string;
  /**
   * Open the add-in's task pane when the file is opened (taskpanes.xml `visibility="1"`): Excel
   * then offers the add-in (asks to trust or install it). With false (`visibility="0"`, what Excel
   * writes for a workbook that only uses custom functions) nothing opens by itself.
   */
  readonly openTaskPane?: boolean;
}

/** This add-in, as a sideloaded developer add-in: manifest.xml's <Id> and <Version> (a test keeps them equal). */
export const CAPTABLE_ADD_IN: AddInReference = {
  id: "09e23452-657b-4951-b3e2-b28b5cb0f957",
  version: "0.1.0.0",
  store: "developer",
  storeType: "Registry",
  openTaskPane: true,
};

/** The bound name Excel stores for a custom function id: "WATERFALL" -> "_xldudf_CAPTABLE_WATERFALL". */
export function boundFunctionName(id: string, namespace = FUNCTIONS_NAMESPACE): string {
  return `_xldudf_${namespace}_${id}`;
}

const NAME_CHAR = /[A-Za-z0-9_.\\]/;

/**
 * `formula` with each match of the sticky `pattern` that starts a name (not inside a longer name,
 * a double-quoted text or a quoted sheet name; a doubled quote inside them is an escaped quote)
 * replaced by `replace(match)`.
 */
export function rewriteCalls(formula: string, pattern: RegExp, replace: (m: RegExpExecArray) => string): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    pattern.lastIndex = i;
    const m = i > 0 && NAME_CHAR.test(formula[i - 1]) ? null : pattern.exec(formula);
    if (m !== null) {
      out += replace(m);
      i += m[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/**
 * A formula with every `CAPTABLE.<ID>(` call (nested ones too, any letter case) rewritten to the
 * bound name Excel stores (`_xldudf_CAPTABLE_<ID>(`), and the bound names used, in order of first
 * use. Text in double quotes and quoted sheet names are left alone. Throws on an id that is not
 * letters, digits and "_" (Excel's rule for custom function ids), rather than guess its bound form.
 */
export function bindAddInCalls(formula: string, namespace = FUNCTIONS_NAMESPACE): { formula: string; ids: string[] } {
  const ids: string[] = [];
  const bound = rewriteCalls(formula, new RegExp(`${namespace}\\.([A-Za-z0-9_.]+)\\s*\\(`, "iy"), (m) => {
    const id = m[1].toUpperCase();
    if (!/^[A-Z][A-Z0-9_]*$/.test(id)) throw new Error(`"${namespace}.${m[1]}" in ${formula}: a custom function id is letters, digits and "_"`);
    const name = boundFunctionName(id, namespace);
    if (!ids.includes(name)) ids.push(name);
    return `${name}(`;
  });
  return { formula: bound, ids };
}

/** The reverse of bindAddInCalls: `_xldudf_CAPTABLE_<ID>(` back to `CAPTABLE.<ID>(` (outside quotes). */
export function unbindAddInCalls(formula: string, namespace = FUNCTIONS_NAMESPACE): string {
  return rewriteCalls(formula, new RegExp(`_xldudf_${namespace}_([A-Za-z0-9_]+)\\s*\\(`, "iy"), (m) => `${namespace}.${m[1].toUpperCase()}(`);
}

const XML_DECL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

export const NS_SPREADSHEETML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_DYNAMIC_ARRAY = "http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray";
/** The extension that carries CT_DynamicArrayProperties in a futureMetadata block ([MS-XLSX]). */
export const EXT_DYNAMIC_ARRAY = "{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}";
export const REL_SHEET_METADATA = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata";
export const CT_SHEET_METADATA = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml";

/**
 * xl/metadata.xml with one cell metadata record, index 1 (`cm="1"` on a cell), that marks a
 * formula as a dynamic array: metadata type XLDAPR with `fDynamic="1" fCollapsed="0"`. Byte for
 * byte the structure Excel writes (the evidence file above).
 */
export function dynamicArrayMetadataXml(): string {
  return (
    XML_DECL +
    `<metadata xmlns="${NS_SPREADSHEETML}" xmlns:xda="${NS_DYNAMIC_ARRAY}">` +
    `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
    `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="${EXT_DYNAMIC_ARRAY}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
    `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata>` +
    `</metadata>`
  );
}

export const NS_WEBEXTENSION = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
export const NS_TASKPANES = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
/** The extension list entry in which Excel stores CT_CustomFunctionList. */
export const EXT_CUSTOM_FUNCTIONS = "{7C84B067-C214-45C3-A712-C9D94CD141B2}";
export const REL_WEBEXTENSION_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
export const REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension";
export const CT_WEBEXTENSION_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";
export const CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml";

/**
 * xl/webextensions/webextension1.xml: the add-in reference and the bound custom function names
 * the workbook uses. `instanceId` is this instance's id in the document (Excel writes a braced GUID).
 */
export function webExtensionXml(addIn: AddInReference, boundIds: readonly string[], instanceId: string): string {
  const ids = boundIds.map((id) => `<we:customFunctionIds>${escapeXml(id)}</we:customFunctionIds>`).join("");
  return (
    XML_DECL +
    `<we:webextension xmlns:we="${NS_WEBEXTENSION}" id="${escapeXml(instanceId)}">` +
    `<we:reference id="${escapeXml(addIn.id)}" version="${escapeXml(addIn.version)}" store="${escapeXml(addIn.store)}" storeType="${escapeXml(addIn.storeType)}"/>` +
    `<we:alternateReferences/><we:properties/><we:bindings/>` +
    `<we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/>` +
    (boundIds.length === 0
      ? ""
      : `<we:extLst><a:ext xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" uri="${EXT_CUSTOM_FUNCTIONS}">` +
        `<we:customFunctionIdList>${ids}</we:customFunctionIdList></a:ext></we:extLst>`) +
    `</we:webextension>`
  );
}

/** xl/webextensions/taskpanes.xml: one task pane docked right, pointing at webextension1.xml (relationship rId1). */
export function taskPanesXml(addIn: AddInReference): string {
  return (
    XML_DECL +
    `<wetp:taskpanes xmlns:wetp="${NS_TASKPANES}">` +
    `<wetp:taskpane dockstate="right" visibility="${addIn.openTaskPane ? 1 : 0}" width="350" row="0">` +
    `<wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/>` +
    `</wetp:taskpane></wetp:taskpanes>`
  );
}

/** xl/webextensions/_rels/taskpanes.xml.rels. */
export function taskPanesRelsXml(): string {
  return (
    XML_DECL +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL_WEBEXTENSION}" Target="webextension1.xml"/></Relationships>`
  );
}

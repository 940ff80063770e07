/**
 * A strict, namespace-aware XML reader for the tests (manifest, built HTML is not XML): a small
 * element tree on top of `sax` (strict mode, xmlns), which rejects any XML that is not well formed.
 */

export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

export interface XmlElement {
  readonly name: string;
  /** Local name, without prefix. */
  readonly local: string;
  /** Namespace URI. */
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  readonly children: XmlElement[];
  text: string;
  readonly parent?: XmlElement;
  readonly line: number;
}

interface SaxTag {
  name: string;
  local: string;
  uri: string;
  attributes: Record<string, { name: string; local: string; uri: string; value: string }>;
}
interface SaxParser {
  line: number;
  onopentag: (tag: SaxTag) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  oncdata: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}
const sax = require("sax") as { parser(strict: boolean, options: { xmlns: boolean; position: boolean }): SaxParser };

/** Parses a whole document; throws on anything not well formed (unclosed tags, bad entities, unbound prefixes). */
export function parseXml(xml: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (tag) => {
    const parent = stack[stack.length - 1];
    const element: XmlElement = {
      name: tag.name,
      local: tag.local,
      uri: tag.uri,
      attributes: Object.values(tag.attributes).map((a) => ({ name: a.name, local: a.local, uri: a.uri, value: a.value })),
      children: [],
      text: "",
      parent,
      line: parser.line + 1,
    };
    if (tag.uri === "" && tag.name.includes(":")) throw new Error(`unbound namespace prefix on <${tag.name}> (line ${element.line})`);
    if (parent) parent.children.push(element);
    else if (root) throw new Error("more than one root element");
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = parser.oncdata = (text) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.write(xml).close();
  if (!root) throw new Error("no root element");
  return root;
}

/** The value of an attribute by local name (and namespace URI, "" for an unprefixed attribute). */
export function attr(element: XmlElement, local: string, uri = ""): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** Children with a local name (any namespace unless given). */
export function childrenNamed(element: XmlElement, local: string, uri?: string): XmlElement[] {
  return element.children.filter((c) => c.local === local && (uri === undefined || c.uri === uri));
}

/** The one child with that local name; throws when missing or repeated. */
export function child(element: XmlElement, local: string, uri?: string): XmlElement {
  const found = childrenNamed(element, local, uri);
  if (found.length !== 1) throw new Error(`<${element.name}> must have exactly one <${local}>, has ${found.length}`);
  return found[0];
}

/** The path of an element for messages: OfficeApp/VersionOverrides/Hosts/... */
export function pathOf(element: XmlElement): string {
  const parts: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) parts.unshift(e.local);
  return parts.join("/");
}

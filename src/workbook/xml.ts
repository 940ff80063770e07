/**
 * The one place where XML text is read and written: escaping for markup, the characters XML 1.0
 * cannot hold, the OOXML `_xHHHH_` string escape, and a small linear parser for the parts the
 * add-in and the command line read (our custom XML parts, package relationships, workbook names).
 *
 * The parser is a single forward scan: the position only moves forward, and each character is
 * looked at a bounded number of times, so its work grows with the input's length (a test counts
 * its steps; see `XmlStats`). No regular expression runs over the document. It implements the
 * well-formedness rules of XML 1.0 (Fifth Edition, https://www.w3.org/TR/xml/) and Namespaces in
 * XML 1.0 (https://www.w3.org/TR/xml-names/) that matter for data, and refuses, with a message
 * naming the line and column:
 * - a document type declaration (`<!DOCTYPE`): it can define entities, the vector of "billion
 *   laughs" expansion attacks, and the parts we read never need one (ECMA-376 Part 2, Open
 *   Packaging Conventions, requires XML parts not to contain DTD declarations; section not
 *   re-checked here);
 * - any entity but the five predefined ones, and character references to characters XML forbids;
 * - tags that do not match, duplicate attributes, undeclared namespace prefixes, text outside the
 *   root, characters XML 1.0 forbids;
 * - documents nested deeper, or with more attributes on one element, or more elements, than `XmlLimits`.
 *
 * Pure functions, no I/O, no dependency: usable from the taskpane, the command line and tests.
 */

// ---------------------------------------------------------------------------------------------
// Characters

/**
 * The index of the first UTF-16 code unit of `text` that XML 1.0 cannot hold, or -1. XML 1.0 §2.2
 * `Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`: control
 * characters other than tab, line feed and carriage return, U+FFFE, U+FFFF and lone surrogates are
 * forbidden, even as character references (§4.1, "Well-formedness constraint: Legal Character").
 * The one rule for every text that ends up in a stored part (model fields, template import, XML read).
 */
export function xmlForbiddenAt(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0xd800) continue;
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
      return i;
    }
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return i;
    }
    if (c <= 0xdfff || c === 0xfffe || c === 0xffff) return i;
  }
  return -1;
}

/** "U+FFFF" for the character (or lone surrogate) at `index`. */
export function codePointName(text: string, index: number): string {
  return `U+${text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Why `text` cannot be stored in XML, in words that name the field ("holder contains U+FFFF, a
 * character an Excel file cannot hold"), or undefined when it can.
 */
export function xmlForbiddenMessage(text: string, field: string): string | undefined {
  const at = xmlForbiddenAt(text);
  if (at < 0) return undefined;
  return `${field} contains ${codePointName(text, at)} (character ${at + 1}), a control or invalid character an Excel file cannot hold`;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * `text` escaped for XML element content or an attribute value in double or single quotes: the
 * five markup characters as named entities, and tab, line feed and carriage return as character
 * references so that they survive a reader's end-of-line and attribute-value normalization (XML
 * 1.0 §2.11 turns a stored CR into LF; §3.3.3 turns tab and line feed in an attribute into spaces).
 * Throws for a character XML 1.0 cannot hold (see `xmlForbiddenAt`): callers check their inputs
 * first, so reaching this is a bug, never a value to store silently altered.
 */
export function escapeXml(text: string): string {
  const bad = xmlForbiddenAt(text);
  if (bad >= 0) throw new Error(`cannot write ${codePointName(text, bad)} to XML (XML 1.0 forbids it)`);
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let entity: string | undefined;
    switch (c) {
      case 0x26:
        entity = "&amp;";
        break;
      case 0x3c:
        entity = "&lt;";
        break;
      case 0x3e:
        entity = "&gt;";
        break;
      case 0x22:
        entity = "&quot;";
        break;
      case 0x27:
        entity = "&apos;";
        break;
      case 0x09:
        entity = "&#9;";
        break;
      case 0x0a:
        entity = "&#10;";
        break;
      case 0x0d:
        entity = "&#13;";
        break;
    }
    if (entity !== undefined) {
      out += text.slice(from, i) + entity;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** True when `text` has `_xHHHH_` (four hexadecimal digits, either case) at `i`. */
function isOoxmlEscapeAt(text: string, i: number): boolean {
  return (
    text.charCodeAt(i) === 0x5f &&
    text.charCodeAt(i + 1) === 0x78 &&
    isHex(text.charCodeAt(i + 2)) &&
    isHex(text.charCodeAt(i + 3)) &&
    isHex(text.charCodeAt(i + 4)) &&
    isHex(text.charCodeAt(i + 5)) &&
    text.charCodeAt(i + 6) === 0x5f
  );
}

/**
 * A string as an OOXML string type (ST_Xstring) stores it, before XML escaping. ECMA-376 Part 1,
 * §22.9.2.19 ST_Xstring: a character XML cannot carry is written `_xHHHH_` (its UTF-16 code in
 * hexadecimal), and an underscore that starts a literal `_xHHHH_` is itself written `_x005F_`, so
 * that the text `_x003D_1+1` is stored `_x005F_x003D_1+1` and read back as written (stored raw,
 * Excel decodes it to `=1+1`). A carriage return is encoded too (`_x000D_`): a reader's
 * end-of-line normalization (XML 1.0 §2.11) would turn a raw CR into a line feed (Excel itself
 * writes a CR in a cell as `_x000D_`); and DEL (`_x007F_`), which ExcelJS drops from text it
 * writes. Line feed and tab stay raw, as Excel writes them. Hex digits in upper case (ExcelJS's
 * reader only decodes those).
 */
export function encodeOoxmlString(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let code: string | undefined;
    if (c === 0x5f && isOoxmlEscapeAt(text, i)) code = "_x005F_";
    else if (c === 0x0d) code = "_x000D_";
    else if (c === 0x7f) code = "_x007F_";
    if (code !== undefined) {
      out += text.slice(from, i) + code;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The reverse of `encodeOoxmlString`: each `_xHHHH_` is the UTF-16 code unit HHHH (as Excel reads it). */
export function decodeOoxmlString(text: string): string {
  let out = "";
  let from = 0;
  for (let i = text.indexOf("_x"); i >= 0 && i < text.length; i = text.indexOf("_x", i)) {
    if (isOoxmlEscapeAt(text, i)) {
      out += text.slice(from, i) + String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
      i += 7;
      from = i;
    } else i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

// ---------------------------------------------------------------------------------------------
// Reading

/** An element: its qualified name, namespace (from the declarations in scope), attributes and children. */
export interface XmlElement {
  /** The name as written: "ns0:captableModel". */
  readonly name: string;
  /** The name without its prefix: "captableModel". */
  readonly local: string;
  /** The namespace URI the element is in ("" for none). */
  readonly namespace: string;
  /** Attributes by the name written (namespace declarations left out), values decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Elements and text (entities, character references and CDATA decoded; adjacent runs joined). */
  readonly children: readonly (XmlElement | string)[];
}

/** The text directly inside an element (its text children joined). */
export function textOf(element: XmlElement): string {
  let out = "";
  for (const c of element.children) if (typeof c === "string") out += c;
  return out;
}

/** The child elements of an element. */
export function elementsOf(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string");
}

export interface XmlLimits {
  /** Characters in the document. */
  readonly maxChars: number;
  /** Levels of nested elements. */
  readonly maxDepth: number;
  /** Attributes on one element (namespace declarations included). */
  readonly maxAttributes: number;
  /** Elements in the document. */
  readonly maxElements: number;
}

/** Generous for any part the add-in reads (a model part is one element; a workbook.xml a few thousand). */
export const XML_LIMITS: XmlLimits = { maxChars: 4_000_000, maxDepth: 100, maxAttributes: 200, maxElements: 200_000 };

/** Work counters, for tests that check the scan is linear (never timed). */
export interface XmlStats {
  /** Characters examined, counted by every loop and search of the scanner. */
  steps: number;
}

/**
 * A document that is not well-formed XML, or breaks a limit: the message names the line and column.
 * `detail`: what is wrong, in the parser's English words (the message's end), so a message in
 * another language can give the place without them (src/workbook/xlsxRules.ts `notWellFormed`).
 */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string = message,
  ) {
    super(message);
    this.name = "XmlError";
  }
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const NONE: string[] = [];
const PREDEFINED: Readonly<Record<string, string>> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** XML 1.0 §2.3 NameStartChar, by UTF-16 code unit (a surrogate pair counts as its code point's range). */
function isNameStart(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    c === 0x5f ||
    c === 0x3a ||
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xdfff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** XML 1.0 §2.3 NameChar. */
function isNameChar(c: number): boolean {
  return (
    isNameStart(c) || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040)
  );
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * Parses an XML document and returns its root element; throws an `XmlError` naming the line and
 * column of the first problem. Linear in the length of `xml` (see the file comment).
 */
export function parseXml(xml: string, limits: XmlLimits = XML_LIMITS, stats?: XmlStats): XmlElement {
  const s = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const offset = s.length === xml.length ? 0 : 1;
  let i = 0;
  let steps = 0;

  const fail = (message: string, at = i): never => {
    // Line and column found once, when failing (one more pass up to the position).
    let line = 1;
    let lineStart = 0;
    const end = Math.min(at, s.length);
    for (let k = 0; k < end; k++) {
      if (s.charCodeAt(k) === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    const column = end - lineStart + 1;
    throw new XmlError(`not well-formed XML: line ${line}, column ${column}: ${message}`, line, column, message);
  };
  /** Index of `what` at or after `from`, or a failure; counts the characters it passes. */
  const find = (what: string, from: number, unclosed: string): number => {
    const at = s.indexOf(what, from);
    if (at < 0) {
      steps += s.length - from;
      return fail(unclosed, from);
    }
    steps += at - from + what.length;
    return at;
  };

  if (s.length > limits.maxChars) fail(`the document has ${xml.length} characters, more than the ${limits.maxChars} read`, 0);
  const bad = xmlForbiddenAt(s);
  steps += s.length;
  if (bad >= 0) fail(`${codePointName(s, bad)} is a character XML 1.0 forbids`, bad);

  const skipSpace = () => {
    while (i < s.length && isSpace(s.charCodeAt(i))) {
      i++;
      steps++;
    }
  };
  const readName = (what: string): string => {
    const start = i;
    if (!isNameStart(s.charCodeAt(i))) fail(`${what} was expected here`);
    i++;
    while (i < s.length && isNameChar(s.charCodeAt(i))) i++;
    steps += i - start;
    return s.slice(start, i);
  };
  /** Decodes the reference at i (s[i] is "&"); moves past it. */
  const readReference = (): string => {
    const start = i;
    const semi = s.indexOf(";", i + 1);
    // A reference is short: look no further than 12 characters for its ";".
    if (semi < 0 || semi - i > 12) fail(`"&" must start a reference such as &amp; or &#38; (write a literal & as &amp;)`);
    steps += semi - i + 1;
    const body = s.slice(i + 1, semi);
    i = semi + 1;
    if (body.charCodeAt(0) === 0x23) {
      const hex = body.charCodeAt(1) === 0x78;
      const digits = body.slice(hex ? 2 : 1);
      let ok = digits.length > 0;
      for (let k = 0; k < digits.length && ok; k++) {
        const d = digits.charCodeAt(k);
        ok = hex ? isHex(d) : d >= 0x30 && d <= 0x39;
      }
      const code = ok ? parseInt(digits, hex ? 16 : 10) : NaN;
      if (!(code <= 0x10ffff)) fail(`&${body}; is not a character reference`, start);
      const char = String.fromCodePoint(code);
      if (xmlForbiddenAt(char) >= 0) fail(`&${body}; refers to ${codePointName(char, 0)}, a character XML 1.0 forbids`, start);
      return char;
    }
    const named = Object.prototype.hasOwnProperty.call(PREDEFINED, body) ? PREDEFINED[body] : undefined;
    if (named === undefined) fail(`&${body}; is not one of the five predefined entities (&lt; &gt; &amp; &quot; &apos;)`, start);
    return named as string;
  };
  /** A comment (s[i..] is "<!--"); moves past it. */
  const skipComment = () => {
    const dash = find("--", i + 4, "a comment <!-- is not closed by -->");
    if (s.charCodeAt(dash + 2) !== 0x3e) fail(`"--" is not allowed inside a comment`, dash);
    i = dash + 3;
  };
  /** A processing instruction (s[i..] is "<?"); moves past it. */
  const skipPi = () => {
    const start = i;
    i += 2;
    const target = readName("a processing instruction's name");
    if (target.toLowerCase() === "xml") fail(`the XML declaration <?xml …?> must be the very first thing in the document`, start);
    i = find("?>", i, "a processing instruction <? is not closed by ?>") + 2;
  };

  // The XML declaration.
  if (s.startsWith("<?xml", 0) && isSpace(s.charCodeAt(5))) {
    const end = find("?>", 5, "the XML declaration <?xml is not closed by ?>");
    if (!s.slice(5, end).includes("version")) fail(`the XML declaration has no version`, 0);
    i = end + 2;
  }

  // Namespace scope: for each prefix ("" for the default namespace), a stack of URIs; each open
  // element remembers which prefixes it declared, to pop them when it closes.
  const scope = new Map<string, string[]>([
    ["xml", [XML_NS]],
    ["xmlns", [XMLNS_NS]],
  ]);
  const lookup = (prefix: string): string | undefined => {
    const stack = scope.get(prefix);
    return stack === undefined || stack.length === 0 ? undefined : stack[stack.length - 1];
  };
  interface Open {
    readonly element: XmlElement;
    readonly at: number;
    readonly declared: string[];
    readonly children: (XmlElement | string)[];
  }
  const open: Open[] = [];
  let root: XmlElement | undefined;
  let elements = 0;

  const addText = (text: string) => {
    if (text === "") return;
    const children = open[open.length - 1].children;
    const last = children.length - 1;
    if (last >= 0 && typeof children[last] === "string") children[last] = (children[last] as string) + text;
    else children.push(text);
  };

  /** The local name and namespace of a qualified name (an attribute without prefix is in no namespace). */
  let resolvedLocal = "";
  let resolvedNamespace = "";
  const resolve = (qname: string, isAttribute: boolean, at: number): void => {
    const colon = qname.indexOf(":");
    if (colon < 0) {
      resolvedLocal = qname;
      resolvedNamespace = isAttribute ? "" : (lookup("") ?? "");
      return;
    }
    const prefix = qname.slice(0, colon);
    const local = qname.slice(colon + 1);
    if (prefix === "" || local === "" || local.includes(":") || !isNameStart(local.charCodeAt(0)))
      fail(`"${qname}" is not a valid qualified name (Namespaces in XML 1.0)`, at);
    const namespace = lookup(prefix);
    if (namespace === undefined || namespace === "") fail(`the namespace prefix "${prefix}" of ${qname} is not declared`, at);
    resolvedLocal = local;
    resolvedNamespace = namespace as string;
  };

  const startTag = () => {
    const at = i;
    i++; // "<"
    const name = readName("an element name");
    if (++elements > limits.maxElements) fail(`more than ${limits.maxElements} elements`, at);
    if (open.length >= limits.maxDepth) fail(`elements are nested more than ${limits.maxDepth} levels deep`, at);
    const names: string[] = [];
    const values: string[] = [];
    let unique: Set<string> | undefined;
    for (;;) {
      const before = i;
      skipSpace();
      const c = s.charCodeAt(i);
      if (c === 0x3e || (c === 0x2f && s.charCodeAt(i + 1) === 0x3e)) break;
      if (i >= s.length) fail(`the tag <${name} is not closed by >`, at);
      if (i === before) fail(`a space, an attribute, > or /> was expected in <${name}`);
      const attrAt = i;
      const attr = readName("an attribute name");
      skipSpace();
      if (s.charCodeAt(i) !== 0x3d) fail(`attribute ${attr} in <${name} needs = and a value in quotes`);
      i++;
      skipSpace();
      const quote = s.charCodeAt(i);
      if (quote !== 0x22 && quote !== 0x27) fail(`the value of attribute ${attr} in <${name} must be in quotes`);
      i++;
      let value = "";
      let from = i;
      for (;;) {
        steps++;
        const v = s.charCodeAt(i);
        if (i >= s.length) fail(`the value of attribute ${attr} in <${name} is not closed`, attrAt);
        if (v === quote) break;
        if (v === 0x3c) fail(`"<" is not allowed in an attribute value (write &lt;)`);
        if (v === 0x26) {
          value += s.slice(from, i) + readReference();
          from = i;
          continue;
        }
        if (v === 0x09 || v === 0x0a || v === 0x0d) {
          // Attribute-value normalization (XML 1.0 §3.3.3); a CR LF pair is one line end (§2.11).
          value += s.slice(from, i) + " ";
          i += v === 0x0d && s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
          from = i;
          continue;
        }
        i++;
      }
      value += s.slice(from, i);
      i++; // closing quote
      if (names.length >= limits.maxAttributes) fail(`more than ${limits.maxAttributes} attributes in <${name}`, attrAt);
      // Duplicates: a short list is searched, a long one gets a set (linear either way).
      if (names.length === 8) unique = new Set(names);
      if (unique !== undefined ? unique.has(attr) : names.includes(attr)) fail(`attribute ${attr} appears twice in <${name}`, attrAt);
      unique?.add(attr);
      names.push(attr);
      values.push(value);
      steps += 8;
    }
    const selfClosing = s.charCodeAt(i) === 0x2f;
    i += selfClosing ? 2 : 1;

    // Namespace declarations first, then the element's and attributes' names.
    let declared: string[] | undefined;
    for (let k = 0; k < names.length; k++) {
      const attr = names[k];
      if (attr.charCodeAt(0) !== 0x78 || !attr.startsWith("xmlns") || (attr.length > 5 && attr.charCodeAt(5) !== 0x3a)) continue;
      const prefix = attr.slice(6);
      const value = values[k];
      if (prefix === "xmlns" || (prefix === "xml") !== (value === XML_NS) || value === XMLNS_NS)
        fail(`the namespace declaration ${attr}="${value}" is reserved by Namespaces in XML`, at);
      if (prefix !== "" && value === "") fail(`${attr} cannot be empty (Namespaces in XML 1.0)`, at);
      let stack = scope.get(prefix);
      if (stack === undefined) scope.set(prefix, (stack = []));
      stack.push(value);
      (declared ??= []).push(prefix);
    }
    resolve(name, false, at);
    const local = resolvedLocal;
    const namespace = resolvedNamespace;
    const attributes: Record<string, string> = {};
    let seen: Set<string> | undefined;
    for (let k = 0; k < names.length; k++) {
      const attr = names[k];
      if (attr === "xmlns" || attr.startsWith("xmlns:")) continue;
      if (attr.includes(":")) {
        resolve(attr, true, at);
        const key = `${resolvedNamespace} ${resolvedLocal}`;
        seen ??= new Set();
        if (seen.has(key)) fail(`attribute ${attr} repeats another attribute of <${name}> in the same namespace`, at);
        seen.add(key);
      }
      // A "__proto__" attribute is an own property like any other, never the prototype.
      if (attr === "__proto__") Object.defineProperty(attributes, attr, { value: values[k], enumerable: true, writable: true, configurable: true });
      else attributes[attr] = values[k];
    }
    const children: (XmlElement | string)[] = [];
    const element: XmlElement = { name, local, namespace, attributes, children };
    steps++;
    if (open.length > 0) open[open.length - 1].children.push(element);
    else if (root !== undefined) fail(`a document has one root element; <${name}> is a second one`, at);
    else root = element;
    const entry: Open = { element, at, declared: declared ?? NONE, children };
    if (selfClosing) closeElement(entry);
    else open.push(entry);
  };

  const closeElement = (entry: Open) => {
    for (const prefix of entry.declared) scope.get(prefix)?.pop();
  };

  const endTag = () => {
    const at = i;
    i += 2; // "</"
    const name = readName("an element name after </");
    skipSpace();
    if (s.charCodeAt(i) !== 0x3e) fail(`the end tag </${name} is not closed by >`, at);
    i++;
    const top = open.pop();
    if (top === undefined) fail(`</${name}> closes an element that was not opened`, at);
    const opened = top as Open;
    if (opened.element.name !== name) fail(`</${name}> does not close <${opened.element.name}> (opened at character ${opened.at + 1 + offset})`, at);
    closeElement(top as Open);
  };

  // The prolog, the root element and what follows it.
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x3c) {
      const n = s.charCodeAt(i + 1);
      if (n === 0x2f) endTag();
      else if (n === 0x3f) skipPi();
      else if (n === 0x21) {
        if (s.startsWith("<!--", i)) skipComment();
        else if (s.startsWith("<![CDATA[", i)) {
          if (open.length === 0) fail(`a CDATA section must be inside an element`);
          const end = find("]]>", i + 9, "a CDATA section <![CDATA[ is not closed by ]]>");
          addText(s.slice(i + 9, end).replace(/\r\n?/g, "\n"));
          i = end + 3;
        } else if (s.startsWith("<!DOCTYPE", i))
          fail(`a document type declaration (<!DOCTYPE) is not accepted: it can define entities, and no Office part has one`);
        else fail(`"<!" must start a comment <!-- --> or a CDATA section <![CDATA[ ]]>`);
      } else startTag();
      continue;
    }
    if (open.length === 0) {
      if (!isSpace(c)) fail(root === undefined ? `the document must start with an element, not text` : `text after the root element </${root.name}>`);
      i++;
      steps++;
      continue;
    }
    // Text: up to the next "<"; references decoded; line ends normalized to LF (XML 1.0 §2.11).
    const lt = s.indexOf("<", i);
    const end = lt < 0 ? s.length : lt;
    let text = "";
    let from = i;
    while (i < end) {
      steps++;
      const t = s.charCodeAt(i);
      if (t === 0x26) {
        text += s.slice(from, i) + readReference();
        from = i;
      } else if (t === 0x0d) {
        text += s.slice(from, i) + "\n";
        i += s.charCodeAt(i + 1) === 0x0a ? 2 : 1;
        from = i;
      } else if (t === 0x3e && s.charCodeAt(i - 1) === 0x5d && s.charCodeAt(i - 2) === 0x5d)
        fail(`"]]>" is not allowed in text (write ]]&gt;)`, i - 2);
      else i++;
    }
    addText(text + s.slice(from, end));
    if (lt < 0) break;
  }
  if (open.length > 0) fail(`<${open[open.length - 1].element.name}> is not closed`, open[open.length - 1].at);
  if (root === undefined) fail(`the document has no element`, 0);
  if (stats !== undefined) stats.steps += steps;
  return root as XmlElement;
}

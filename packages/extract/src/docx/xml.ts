/**
 * A safe, order-preserving view of an OOXML part. fast-xml-parser with
 * preserveOrder keeps document order (tables and paragraphs interleave);
 * namespace prefixes are dropped because producers are free to choose them.
 */
import { XMLParser } from "fast-xml-parser";
import { ExtractError } from "../errors.ts";

/** One element: `{ tag: children, ":@": attributes }`, or a text node `{ "#text": "..." }`. */
export type XmlNode = Record<string, unknown>;

const ATTRS = ":@";
const TEXT = "#text";

const parser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  // Text is kept exactly (w:t with xml:space="preserve" carries meaningful spaces)
  // and never coerced: "0123" and "1e3" are text in a form.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded by textOf (the five XML ones and numeric references
  // only): the parser's entity machinery is slow and would honour a DOCTYPE's
  // declarations, and a DOCTYPE is refused before parsing anyway.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
});

export function parseXmlPart(xml: string, where: string): XmlNode[] {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new ExtractError(`corrupt: expected OOXML without a DOCTYPE in ${where}, found a DOCTYPE (entity declarations are refused)`, "corrupt");
  }
  try {
    return parser.parse(xml) as XmlNode[];
  } catch (err) {
    throw new ExtractError(`corrupt: expected well-formed XML in ${where}, found ${(err as Error).message.split("\n")[0]}`, "corrupt");
  }
}

/** The element's tag name, or undefined for a text node. */
export function tagOf(node: XmlNode): string | undefined {
  for (const key in node) if (key !== ATTRS) return key === TEXT ? undefined : key;
  return undefined;
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const tag = tagOf(node);
  const kids = tag === undefined ? undefined : node[tag];
  return Array.isArray(kids) ? (kids as XmlNode[]) : [];
}

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function textOf(node: XmlNode): string | undefined {
  const t = node[TEXT];
  return t === undefined ? undefined : decodeEntities(String(t));
}



export function attr(node: XmlNode, name: string): string | undefined {
  const attrs = node[ATTRS] as Record<string, unknown> | undefined;
  const v = attrs?.[name];
  return v === undefined ? undefined : String(v);
}

/** First direct child with this tag. */
export function child(node: XmlNode, tag: string): XmlNode | undefined {
  return childrenOf(node).find((n) => tagOf(n) === tag);
}

/** Direct children with this tag, looking through content-control and custom-XML wrappers. */
export function childrenThroughWrappers(node: XmlNode, tag: string, out: XmlNode[] = []): XmlNode[] {
  for (const n of childrenOf(node)) {
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if (t === "sdt") {
      const content = child(n, "sdtContent");
      if (content) childrenThroughWrappers(content, tag, out);
    } else if (t === "customXml" || t === "sdtContent") childrenThroughWrappers(n, tag, out);
  }
  return out;
}

/** Depth-first search for the first descendant with this tag. */
export function findDescendant(nodes: XmlNode[], tag: string): XmlNode | undefined {
  for (const n of nodes) {
    if (tagOf(n) === tag) return n;
    const hit = findDescendant(childrenOf(n), tag);
    if (hit) return hit;
  }
  return undefined;
}

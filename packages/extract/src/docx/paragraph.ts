/**
 * The visible text of a paragraph (w:p): runs in order, tracked insertions
 * kept and deletions dropped, hyperlinks and field results as their text,
 * field codes (w:instrText) and hidden runs left out. Text boxes anchored in
 * the paragraph are returned separately: they are block content of their own.
 */
import { child, childrenOf, tagOf, textOf, type XmlNode } from "./xml.ts";

export interface ParagraphContent {
  text: string;
  /** w:txbxContent elements found inside the paragraph, in order. */
  textBoxes: XmlNode[];
}

/** Elements whose whole subtree is not visible text. */
const SKIPPED = new Set([
  "del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sectPr",
  "fldData", "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
  "lastRenderedPageBreak", "proofErr", "bookmarkStart", "bookmarkEnd", "sym",
]);

export function readParagraph(p: XmlNode): ParagraphContent {
  const out: string[] = [];
  const textBoxes: XmlNode[] = [];
  collect(childrenOf(p), out, textBoxes);
  return { text: out.join(""), textBoxes };
}

/** w:vanish in the run's properties (strip-formatting keeps only that one): text the reader never sees. */
function isHiddenRun(run: XmlNode): boolean {
  const rPr = child(run, "rPr");
  return rPr !== undefined && child(rPr, "vanish") !== undefined;
}

function collect(nodes: XmlNode[], out: string[], textBoxes: XmlNode[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === undefined || SKIPPED.has(tag)) continue;
    switch (tag) {
      case "t":
        for (const k of childrenOf(n)) {
          const s = textOf(k);
          if (s !== undefined) out.push(s);
        }
        break;
      case "tab":
      case "ptab":
        out.push(" ");
        break;
      case "br":
      case "cr":
        out.push("\n");
        break;
      case "noBreakHyphen":
        out.push("-");
        break;
      case "softHyphen":
        break;
      case "r":
        if (!isHiddenRun(n)) collect(childrenOf(n), out, textBoxes);
        break;
      case "txbxContent":
        textBoxes.push(n);
        break;
      case "AlternateContent": {
        // Choice (DrawingML) and Fallback (VML) hold the same text box: read one.
        const alt = child(n, "Choice") ?? child(n, "Fallback");
        if (alt) collect(childrenOf(alt), out, textBoxes);
        break;
      }
      default:
        // ins, moveTo, hyperlink, fldSimple, smartTag, customXml, sdt, drawing, pict, ...
        collect(childrenOf(n), out, textBoxes);
    }
  }
}

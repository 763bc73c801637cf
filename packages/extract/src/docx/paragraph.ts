/**
 * The visible text of a paragraph (w:p): runs in order, tracked insertions
 * kept and deletions dropped, hyperlinks and field results as their text,
 * field codes (w:instrText) and hidden runs left out. Text boxes anchored in
 * the paragraph are returned separately: they are block content of their own.
 */
import type { PageCounter } from "./page-counter.ts";
import { attr, child, childrenOf, tagOf, textOf, type XmlNode } from "./xml.ts";

export interface ParagraphContent {
  text: string;
  /** Page of the first visible character (a break may come first: <w:br w:type="page"/>标题). */
  page: number | undefined;
  /** w:txbxContent elements found inside the paragraph, in order. */
  textBoxes: XmlNode[];
}

/** Elements whose whole subtree is not visible text. */
const SKIPPED = new Set([
  "del", "moveFrom", "delText", "delInstrText", "instrText", "pPr", "rPr", "sectPr",
  "fldData", "footnoteReference", "endnoteReference", "commentReference", "annotationRef",
  "proofErr", "bookmarkStart", "bookmarkEnd", "sym",
]);

/** Reads one paragraph; page breaks met on the way advance `pages`. */
export function readParagraph(p: XmlNode, pages?: PageCounter): ParagraphContent {
  const out: string[] = [];
  const textBoxes: XmlNode[] = [];
  const pPr = child(p, "pPr");
  if (pages && pPr && child(pPr, "pageBreakBefore")) pages.explicitBreak();
  const state: CollectState = { out, textBoxes, pages, page: undefined };
  collect(childrenOf(p), state);
  return { text: out.join(""), textBoxes, page: state.page ?? pages?.page };
}

/** w:vanish in the run's properties (strip-formatting keeps only that one): text the reader never sees. */
function isHiddenRun(run: XmlNode): boolean {
  const rPr = child(run, "rPr");
  return rPr !== undefined && child(rPr, "vanish") !== undefined;
}

interface CollectState {
  out: string[];
  textBoxes: XmlNode[];
  pages: PageCounter | undefined;
  /** Set at the first visible character. */
  page: number | undefined;
}

function collect(nodes: XmlNode[], state: CollectState): void {
  const { out, textBoxes, pages } = state;
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === undefined || SKIPPED.has(tag)) continue;
    switch (tag) {
      case "t":
        for (const k of childrenOf(n)) {
          const s = textOf(k);
          if (s === undefined) continue;
          if (state.page === undefined && s.trim() !== "") state.page = pages?.page;
          out.push(s);
        }
        break;
      case "tab":
      case "ptab":
        out.push(" ");
        break;
      case "br":
        out.push("\n");
        if (attr(n, "type") === "page") pages?.explicitBreak();
        break;
      case "cr":
        out.push("\n");
        break;
      case "lastRenderedPageBreak":
        pages?.renderedBreak();
        break;
      case "noBreakHyphen":
        out.push("-");
        break;
      case "softHyphen":
        break;
      case "r":
        if (!isHiddenRun(n)) collect(childrenOf(n), state);
        break;
      case "txbxContent":
        textBoxes.push(n);
        break;
      case "AlternateContent": {
        // Choice (DrawingML) and Fallback (VML) hold the same text box: read one.
        const alt = child(n, "Choice") ?? child(n, "Fallback");
        if (alt) collect(childrenOf(alt), state);
        break;
      }
      default:
        // ins, moveTo, hyperlink, fldSimple, smartTag, customXml, sdt, drawing, pict, ...
        collect(childrenOf(n), state);
    }
  }
}

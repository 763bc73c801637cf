/**
 * One page's layout: its ruled tables, and the lines of text outside them
 * (kept with their words, so borderless tables can be found in them later).
 */
import { type Box, type Edge, type Word, unionBox } from "./geometry.ts";
import { type PageTable, ruledTables } from "./page-tables.ts";
import { adoptRowLabels } from "./row-labels.ts";
import type { PageContent } from "./read-page.ts";
import type { PdfSettings } from "./settings.ts";
import { linesFromGlyphs, textOfWords, wordsFromLine } from "./words.ts";

export interface LooseLine extends Box {
  text: string;
  words: Word[];
  size: number;
}

export interface PageLayout {
  number: number;
  width: number;
  height: number;
  rotation: number;
  hasText: boolean;
  tables: PageTable[];
  lines: LooseLine[];
  /** Merged ruling edges, for drawing. */
  edges: Edge[];
}

export function layoutPage(content: PageContent, settings: PdfSettings): PageLayout {
  const ruled = ruledTables(content.number, content.glyphs, content.edges, settings);
  const loose = linesFromGlyphs(ruled.rest, settings.lineOverlap).map((l) => {
    const words = wordsFromLine(l, settings.wordGap);
    return { ...unionBox(words), text: textOfWords(words), words, size: l.size };
  });
  const { tables, lines } = adoptRowLabels(ruled.tables, loose);
  const edges = ruled.edges;
  return {
    number: content.number,
    width: content.width,
    height: content.height,
    rotation: content.rotation,
    hasText: content.glyphs.length > 0,
    tables,
    lines,
    edges,
  };
}

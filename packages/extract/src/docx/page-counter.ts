/**
 * Which page of a DOCX we are on while walking it in document order. A DOCX
 * has no fixed pages; Word records where its last layout broke them
 * (w:lastRenderedPageBreak), and when it did not (LibreOffice, generators)
 * the explicit breaks — w:br w:type="page" and w:pageBreakBefore — are all we
 * know. Using both would count a forced break twice, so one source is chosen
 * per document. Either way the number is the page a form starts on as far as
 * the file says, never more than the real page.
 */
export class PageCounter {
  page = 1;

  /** `rendered`: the document carries Word's w:lastRenderedPageBreak marks. */
  constructor(readonly rendered: boolean) {}

  static forDocument(xml: string): PageCounter {
    return new PageCounter(xml.includes("lastRenderedPageBreak"));
  }

  /** A w:lastRenderedPageBreak. */
  renderedBreak(): void {
    if (this.rendered) this.page++;
  }

  /** A w:br w:type="page" or a paragraph with w:pageBreakBefore. */
  explicitBreak(): void {
    if (!this.rendered) this.page++;
  }
}

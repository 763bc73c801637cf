/**
 * pdf.js painting operator codes read by the edge finder (OPS in pdfjs-dist 5.x,
 * src/shared/util.js), copied so that the pure steps do not load pdf.js;
 * a test compares them with the installed pdf.js.
 */
export const PDF_OPS = {
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
} as const;

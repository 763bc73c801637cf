/**
 * Flat ODF (one XML file) wrappers: LibreOffice opens .fodt/.fods directly and
 * converts them to DOCX/XLSX/XLS, so each edge case is written down here as
 * plain markup and the office suite does the real OOXML/BIFF writing.
 */
const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
].join(" ");

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function flatOdf(kind: "text" | "spreadsheet", parts: { styles?: string; masterStyles?: string; body: string }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.${kind}">
<office:automatic-styles>${parts.styles ?? ""}</office:automatic-styles>
<office:master-styles>${parts.masterStyles ?? ""}</office:master-styles>
<office:body><office:${kind}>${parts.body}</office:${kind}></office:body>
</office:document>
`;
}

/** One spreadsheet cell: a string, or a number with an optional cell style (its number format). */
export interface SheetCell {
  text?: string;
  value?: number;
  style?: string;
  formula?: string;
  colspan?: number;
  rowspan?: number;
}

export function sheetRow(cells: (SheetCell | null)[], opts: { hidden?: boolean; repeat?: number } = {}): string {
  const attrs = [opts.hidden ? ' table:visibility="collapse"' : "", opts.repeat ? ` table:number-rows-repeated="${opts.repeat}"` : ""].join("");
  const xml = cells.map((c) => {
    if (c === null) return "<table:covered-table-cell/>";
    const a: string[] = [];
    if (c.colspan) a.push(`table:number-columns-spanned="${c.colspan}"`);
    if (c.rowspan) a.push(`table:number-rows-spanned="${c.rowspan}"`);
    if (c.style) a.push(`table:style-name="${c.style}"`);
    if (c.formula) a.push(`table:formula="${esc(c.formula)}"`);
    if (c.value !== undefined) {
      a.push(`office:value-type="${c.style === "pct" ? "percentage" : "float"}" office:value="${c.value}"`);
      return `<table:table-cell ${a.join(" ")}/>`;
    }
    if (c.text === undefined) return `<table:table-cell ${a.join(" ")}/>`;
    a.push('office:value-type="string"');
    return `<table:table-cell ${a.join(" ")}><text:p>${esc(c.text)}</text:p></table:table-cell>`;
  });
  return `<table:table-row${attrs}>${xml.join("")}</table:table-row>`;
}

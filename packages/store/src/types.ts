/** The shapes the store's API takes and returns, besides the canonical model. */
import { z } from "zod";

/** The contract's documents.format values (the extract stage's formats). */
export const DOCUMENT_FORMATS = ["pdf", "docx", "xlsx", "xls", "txt"] as const;
export const DOCUMENT_STATUSES = ["ok", "partial", "failed"] as const;
export const RUN_STATUSES = ["running", "ok", "interrupted", "failed"] as const;

/** What the ingest stage knows about a file, besides its normalized content. */
export const DocumentMeta = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, "a lowercase hex SHA-256"),
  format: z.enum(DOCUMENT_FORMATS),
  sizeBytes: z.number().int().nonnegative(),
  /** Page count (sheet count for spreadsheets); null when the file could not be read. */
  pages: z.number().int().nonnegative().nullable(),
  status: z.enum(DOCUMENT_STATUSES),
  /** Human-readable reason when status is not ok. */
  error: z.string().nullable(),
  mtimeMs: z.number().finite().nullable().optional(),
  /** Warnings of the extract stage. */
  warnings: z.array(z.string()).optional(),
  /** Whether any page's text came from OCR (documents.ocr); true as well when ocrPages lists a page. */
  ocr: z.boolean().optional(),
  /** The pages (sheets) whose text came from OCR, 1-based (documents.ocr_pages, a JSON array). */
  ocrPages: z.array(z.number().int().positive()).nullable().optional(),
});
export type DocumentMeta = z.input<typeof DocumentMeta>;

export type SaveOutcome = "new" | "changed" | "unchanged";

export interface SaveResult {
  outcome: SaveOutcome;
  documentId: number;
  /** Id of a stored document this save deleted: the old content of a changed file. */
  replacedDocumentId: number | null;
  /** Rows written by this save (0 for unchanged). */
  forms: number;
  findings: number;
}

/** A documents row, in the API's camelCase. */
export interface StoredDocument {
  id: number;
  path: string;
  sha256: string;
  format: (typeof DOCUMENT_FORMATS)[number];
  sizeBytes: number;
  pages: number | null;
  status: (typeof DOCUMENT_STATUSES)[number];
  error: string | null;
  ingestedAt: string;
  pipelineVersion: string;
  mtimeMs: number | null;
  warnings: string[];
  /** Whether any page's text came from OCR. */
  ocr: boolean;
  /** Pages whose text came from OCR, when the extract stage said; null otherwise. */
  ocrPages: number[] | null;
}

export interface RunStats {
  status: Exclude<(typeof RUN_STATUSES)[number], "running">;
  filesSeen: number;
  filesNew: number;
  filesChanged: number;
  filesUnchanged: number;
  filesFailed: number;
  forms: number;
  findings: number;
  error?: string | null;
}

export interface StoredRun extends Omit<RunStats, "status"> {
  id: number;
  status: (typeof RUN_STATUSES)[number];
  startedAt: string;
  finishedAt: string | null;
  pipelineVersion: string;
  error: string | null;
}

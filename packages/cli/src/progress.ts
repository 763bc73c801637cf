/**
 * How a run tells what it is doing: a progress bar on a terminal, JSON lines
 * (one per file) for a job's log, or the plain text lines of the library API.
 * Paths and reasons quote file names, which may hold control characters (an
 * ESC [ 31m in a zip entry's name): every form of output escapes them
 * (safe-text.ts), so a name cannot drive the terminal that shows the run.
 */
import { escapeControls as esc, safeJson } from "./safe-text.ts";

export interface FileEvent {
  path: string;
  /** new / changed / unchanged (moved files included) / failed. */
  outcome: "new" | "changed" | "unchanged" | "failed";
  /** The document's status when it was parsed in this run. */
  status?: "ok" | "partial" | "failed";
  /** The file was found under a new path and only its path was updated. */
  moved?: boolean;
  /** The same bytes are stored under this other path, which still exists: this file is a copy, and the stored path is kept. */
  duplicateOf?: string;
  format?: string;
  pages?: number | null;
  /** Of its pages, those read by OCR. */
  ocrPages?: number;
  forms?: number;
  findings?: number;
  ms?: number;
  error?: string | null;
}

export interface Progress {
  start(totalFiles: number): void;
  file(e: FileEvent): void;
  /** Said once per run, before the files (which vocabulary is in use): `text` for people, `data` for a JSON log. */
  notice?(text: string, data: Record<string, unknown>): void;
  /** Called before the summary is printed, so a bar can get out of the way. */
  end(): void;
}

export function textProgress(out: (line: string) => void): Progress {
  return {
    start() {},
    file(l) {
      if (l.outcome === "failed") out(esc(`FAILED     ${l.path}: ${l.error}`));
      else if (l.outcome === "unchanged") out(esc(`${l.moved ? "moved" : "unchanged"}  ${l.path}`));
      else out(esc(`${l.outcome.padEnd(10)} ${l.path}: ${l.forms} forms, ${l.findings} findings${l.ocrPages ? `, ${l.ocrPages} pages by OCR` : ""}${l.status === "partial" ? ` (partial: ${l.error})` : ""}`));
    },
    notice(text) {
      out(esc(text));
    },
    end() {},
  };
}

export function jsonLinesProgress(write: (s: string) => void): Progress {
  return {
    start() {},
    file(e) {
      write(`${safeJson(e)}\n`);
    },
    notice(_text, data) {
      write(`${safeJson(data)}\n`);
    },
    end() {},
  };
}

/** Redraws at most this often: a terminal does not need more, and 10,000 redraws cost. */
const BAR_REDRAW_MS = 100;
const BAR_WIDTH = 24;
/** When the terminal does not say how wide it is. */
const FALLBACK_COLUMNS = 100;

export interface BarStream {
  write(s: string): unknown;
  columns?: number;
}

/** One self-rewriting line: files done/total, pages per second, ETA, failures; failures are printed above it. */
export function barProgress(stream: BarStream, now: () => number = Date.now): Progress {
  let total = 0;
  let done = 0;
  let pages = 0;
  let ocrPages = 0;
  let failed = 0;
  let started = 0;
  let lastDraw = 0;
  const draw = (force = false) => {
    const t = now();
    if (!force && t - lastDraw < BAR_REDRAW_MS) return;
    lastDraw = t;
    // One character short of the width, so the terminal never wraps the line it rewrites.
    const width = (stream.columns ?? 0) > 20 ? stream.columns! - 1 : FALLBACK_COLUMNS;
    stream.write(`\r\x1b[K${barLine({ total, done, pages, ocrPages, failed, seconds: (t - started) / 1000 }).slice(0, width)}`);
  };
  return {
    start(n) {
      total = n;
      started = now();
      draw(true);
    },
    file(e) {
      done++;
      pages += e.pages ?? 0;
      ocrPages += e.ocrPages ?? 0;
      if (e.outcome === "failed") {
        failed++;
        stream.write(`\r\x1b[K${esc(`FAILED ${e.path}: ${e.error}`)}\n`);
        draw(true);
      } else draw();
    },
    notice(text) {
      stream.write(`\r\x1b[K${esc(text)}\n`);
      if (total > 0) draw(true);
    },
    end() {
      draw(true);
      stream.write("\n");
    },
  };
}

export interface BarState {
  total: number;
  done: number;
  pages: number;
  /** Of those, pages read by OCR (slower: shown apart). */
  ocrPages?: number;
  failed: number;
  seconds: number;
}

export function barLine(s: BarState): string {
  const frac = s.total > 0 ? s.done / s.total : 1;
  const filled = Math.round(frac * BAR_WIDTH);
  const rate = s.seconds > 0 ? s.pages / s.seconds : 0;
  const eta = s.done > 0 && s.done < s.total ? (s.seconds / s.done) * (s.total - s.done) : 0;
  return (
    `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${s.done}/${s.total} files ` +
    `${rate.toFixed(1)} pages/s${s.ocrPages ? ` (${s.ocrPages} by OCR)` : ""} ETA ${clock(eta)} ${s.failed} failed`
  );
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

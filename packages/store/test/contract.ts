/**
 * Reads the names the SQLite contract (data-model.md) promises analysts, so the
 * schema tests check the contract itself rather than a list copied into a test.
 */
import { readFileSync } from "node:fs";

export interface Contract {
  /** table → columns */
  tables: Map<string, string[]>;
  /** column "table.column" → the quoted values its meaning lists ('pdf' | 'docx' …) */
  enums: Map<string, string[]>;
  /** "table.column" → referenced table, with whether ON DELETE CASCADE is promised */
  foreignKeys: Map<string, { table: string; cascade: boolean }>;
  /** view → columns named in its description */
  views: Map<string, string[]>;
  /** "table.column" that must be indexed */
  indexed: string[];
}

const IDENT = /^[a-z][a-z0-9_]*$/;

/** "a, b (note), c." → [a, b, c] */
function identifierList(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, "")
    .split(",")
    .map((s) => s.replace(/\.\s*$/, "").trim())
    .filter((s) => IDENT.test(s));
}

export function readContract(file: string): Contract {
  const lines = readFileSync(file, "utf8").split("\n");
  const contract: Contract = { tables: new Map(), enums: new Map(), foreignKeys: new Map(), views: new Map(), indexed: [] };
  let table: string | null = null;
  /** Inside a "New `table.column` values" table: the enum its rows extend. */
  let enumExtension: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) enumExtension = null;
    // "`forms` — one row per form …", or "New table `form_facts` — …".
    const heading = /^(?:New table )?`([a-z_]+)` — (.*)$/.exec(line);
    if (heading) {
      table = heading[1]!;
      enumExtension = null;
      // Either a markdown table follows, or the columns are listed in the paragraph itself.
      let paragraph = heading[2]!;
      while (lines[i + 1]?.trim() && !lines[i + 1]!.startsWith("|")) paragraph += " " + lines[++i]!.trim();
      const inline = paragraph.includes(":") ? paragraph.slice(paragraph.lastIndexOf(":") + 1) : paragraph;
      contract.tables.set(table, identifierList(inline));
      continue;
    }
    // "New `forms.kind` values (…):" then a table whose first cells are the new values.
    const extension = /^New `([a-z_]+\.[a-z_]+)` values/.exec(line);
    if (extension) {
      enumExtension = extension[1]!;
      table = null;
      continue;
    }
    const row = /^\| ([^|]+) \| (.*) \|$/.exec(line);
    if (row && enumExtension) {
      const values = identifierList(row[1]!);
      if (values[0] !== enumExtension.split(".")[1]) contract.enums.get(enumExtension)?.push(...values);
      continue;
    }
    if (row && table) {
      const columns = identifierList(row[1]!);
      if (columns.length === 0 || columns[0] === "column") continue;
      contract.tables.get(table)!.push(...columns);
      const meaning = row[2]!;
      const values = [...meaning.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
      if (meaning.startsWith("'") && columns.length === 1) contract.enums.set(`${table}.${columns[0]}`, values);
      const fk = /→ ([a-z_]+)\.id( \(ON DELETE CASCADE\))?/.exec(meaning);
      if (fk && columns.length === 1) contract.foreignKeys.set(`${table}.${columns[0]}`, { table: fk[1]!, cascade: !!fk[2] });
      continue;
    }
    // "- `forms.as_of_month` — …" (a bullet of "New columns:"), possibly naming several columns.
    const added = /^- `[a-z_]+\.[a-z_]+`/.exec(line);
    if (added) {
      let text = line;
      while (lines[i + 1]?.startsWith("  ")) text += " " + lines[++i]!.trim();
      const named = [...text.matchAll(/`([a-z_]+)\.([a-z_]+)`/g)].map((m) => [m[1]!, m[2]!] as const);
      for (const [t, column] of named) {
        if (!contract.tables.has(t)) contract.tables.set(t, []);
        contract.tables.get(t)!.push(column);
      }
      // A bullet about one column that lists quoted values ('printed' | 'text' …) states its enum.
      const values = [...text.matchAll(/'([^'\s]+)'/g)].map((m) => m[1]!);
      if (named.length === 1 && values.length > 0) contract.enums.set(`${named[0]![0]}.${named[0]![1]}`, values);
      continue;
    }
    const view = /^- `(v_[a-z_]+)` — (.*)$/.exec(line);
    if (view) {
      let text = view[2]!;
      while (lines[i + 1]?.startsWith("  ")) text += " " + lines[++i]!.trim();
      const named = [...text.matchAll(/\b([a-z]+_[a-z_]+)\b/g)].map((m) => m[1]!);
      contract.views.set(view[1]!, [...new Set(named)]);
      continue;
    }
    if (/indexed/.test(line) || /^\(forms\./.test(line)) {
      let text = line;
      while (lines[i + 1]?.trim()) text += " " + lines[++i]!.trim();
      contract.indexed.push(...[...text.matchAll(/\b([a-z_]+\.[a-z_]+)\b/g)].map((m) => m[1]!));
    }
  }
  return contract;
}

// An analyst querying the database while a load runs, as a separate process:
// each poll reads, in one read transaction, every stored document's row counts.
// Prints what it saw as JSON when the stop file appears.
//   node db-reader.cjs DB STOP_FILE
const Database = require("better-sqlite3");
const { existsSync } = require("node:fs");

const [db, stopFile] = process.argv.slice(2);
const conn = new Database(db, { readonly: true });
conn.pragma("busy_timeout = 5000");
const snapshot = conn.prepare(`
  select d.sha256, d.status,
    (select count(*) from forms f where f.document_id = d.id) forms,
    (select count(*) from indicators i join forms f on f.id = i.form_id where f.document_id = d.id) indicators,
    (select count(*) from funding u join forms f on f.id = u.form_id where f.document_id = d.id) funding,
    (select count(*) from findings x join forms f on f.id = x.form_id where f.document_id = d.id) findings
  from documents d`);
const read = conn.transaction(() => snapshot.all());
const seen = {};
let polls = 0;
const errors = [];
const documentCounts = new Set();
process.stdout.write("ready\n");
while (!existsSync(stopFile)) {
  try {
    const rows = read();
    polls++;
    documentCounts.add(rows.length);
    for (const r of rows) {
      const key = `${r.sha256}:${r.status}:${r.forms}:${r.indicators}:${r.funding}:${r.findings}`;
      seen[key] = true;
    }
  } catch (e) {
    errors.push(String(e && e.message));
  }
}
conn.close();
process.stdout.write(`${JSON.stringify({ polls, errors, states: Object.keys(seen), documentCounts: [...documentCounts] })}\n`);

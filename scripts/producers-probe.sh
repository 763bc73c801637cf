#!/usr/bin/env bash
# Reads every real fixture as other PDF producers write it, and scores each against
# its expectation (scripts/real-forms-score.ts --root): a measure of how the PDF
# reader does on files it has never seen the like of, not a test.
#   cairo  the LibreOffice and Chromium PDFs written again by `pdftocairo -pdf`
#   gs     the same written again by Ghostscript's pdfwrite (where it drops a font's
#          Unicode map the page has no usable text, and is reported so)
#   calc   the XLSX fixtures printed by LibreOffice Calc (scripts/fixtures/print-sheets.py):
#          a spreadsheet form printed to PDF, tables broken across pages
# Usage: scripts/producers-probe.sh [cairo|gs|calc ...]   (default: all three)
# Needs pdftocairo (poppler-utils), gs (ghostscript), soffice and python3-uno.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REAL="$ROOT/fixtures/real"
OUT="${TMPDIR:-/tmp}/jixiao-producers"
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(cairo gs calc)
for kind in "${kinds[@]}"; do
  dir="$OUT/$kind"
  mkdir -p "$dir/pdf/lo" "$dir/pdf/chromium"
  ln -sfn "$REAL/expect" "$dir/expect"
  ln -sfn "$REAL/html" "$dir/html"
  case "$kind" in
    cairo|gs)
      for producer in lo chromium; do
        for pdf in "$REAL/pdf/$producer"/*.pdf; do
          out="$dir/pdf/$producer/$(basename "$pdf")"
          [ -s "$out" ] && continue
          if [ "$kind" = cairo ]; then pdftocairo -pdf "$pdf" "$out"
          else gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -o "$out" "$pdf" 2>/dev/null; fi
        done
      done ;;
    calc)
      [ -n "$(ls "$dir/pdf/lo")" ] || /usr/bin/python3 "$ROOT/scripts/fixtures/print-sheets.py" "$dir/pdf/lo" ;;
    *) echo "unknown producer $kind: expected cairo, gs or calc" >&2; exit 2 ;;
  esac
  echo "== $kind"
  (cd "$ROOT" && npx tsx scripts/real-forms-score.ts --root "$dir" --out "$OUT/$kind.json" | sed -n '/^Per format/,/^$/p')
done

#!/bin/sh
# How the PDF reader does on forms printed without their borders: every real
# fixture's HTML (fixtures/real/html) printed by headless Chromium with no
# border on its tables, then scored like the fixtures (scripts/real-forms-score.ts
# --root). A borderless form leaves the table finder only its text's alignment
# (the unruled path), as a form whose rules are an image or were never drawn.
# Needs chromium (Debian's package); takes a few minutes. CI never runs this.
# Usage: scripts/borderless-probe.sh [--details]   (from the repository root)
set -eu
cd "$(dirname "$0")/.."
root=$(mktemp -d)
mkdir -p "$root/html" "$root/pdf/chromium"
cp -r fixtures/real/expect "$root/expect"
for f in fixtures/real/html/*.html; do
  id=$(basename "$f" .html)
  sed 's|</head>|<style>td,th,table{border:none !important}</style></head>|' "$f" > "$root/html/$id.html"
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="$root/pdf/chromium/$id.pdf" "$root/html/$id.html" 2>/dev/null
done
npx -y pnpm@10.34.9 exec tsx scripts/real-forms-score.ts --root "$root" --format pdf/chromium --out "$root/score.json" "$@"
rm -rf "$root"

#!/bin/sh
# Makes the /Rotate fixtures of pdf-seeds.test.ts from a LibreOffice fixture with qpdf
# (Debian package qpdf): page 1 turned 90° and page 2 turned 270° through the page
# dictionary's /Rotate, the content left as LibreOffice wrote it.
set -e
cd "$(dirname "$0")"
qpdf --rotate=+90:1 --rotate=+270:2 ../../../../fixtures/pdf/lo/stress-long-reason.pdf rotated-pages.pdf

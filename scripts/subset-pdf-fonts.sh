#!/usr/bin/env bash
# Makes the Latin subsets of the bundled PDF fonts (lib/pdf/fonts/DejaVuSansCondensedLatin*.ttf) from
# the full DejaVu Sans Condensed files next to them. Not part of the build: the subsets are committed.
# Needs fontTools (Debian: apt-get install python3-fonttools).
#
# Why: the full fonts (~680 KB, every script, TrueType hinting) make each PDF spend time shaping with
# large layout tables and embedding hinting programs. The subsets keep Latin (Spanish and every
# other Latin-script name), combining marks, punctuation, currency, super/subscripts, letterlike
# symbols, arrows and geometric shapes, with kerning and ligatures, without hinting (PDF viewers do
# not use it). Text outside them falls back to the full font (lib/pdf/fonts.ts registers both).
set -euo pipefail
cd "$(dirname "$0")/../lib/pdf/fonts"
UNICODES="U+0020-007E,U+00A0-024F,U+0300-036F,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-218F,U+2190-21FF,U+2212,U+25A0-25FF,U+2713-2717,U+FFFD"
for style in "" "-Bold" "-Oblique"; do
  /usr/bin/python3 -m fontTools.subset "DejaVuSansCondensed${style}.ttf" \
    --unicodes="$UNICODES" --layout-features='kern,liga,ccmp,locl,mark,mkmk' \
    --no-hinting --drop-tables+=DSIG,FFTM --name-IDs='*' \
    --output-file="DejaVuSansCondensedLatin${style}.ttf"
done
ls -l DejaVuSansCondensedLatin*.ttf

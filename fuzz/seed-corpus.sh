#!/usr/bin/env bash
# Seeds fuzz/corpus/parse_extract with the article files of ../shared/corpus
# (never committed: fuzz/corpus is ignored), then the fuzzer grows it.
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared/corpus
if [ ! -d "$shared" ]; then
    echo "seed-corpus.sh: $shared not found; the fuzzer starts from an empty corpus" >&2
    exit 0
fi
mkdir -p corpus/parse_extract
find "$shared" -type f \( -name '*.txt' -o -name '*.json' -o -name '*.jsonl' \) -size -64k \
    -exec cp -t corpus/parse_extract {} +
echo "seed-corpus.sh: $(ls corpus/parse_extract | wc -l) seed files in fuzz/corpus/parse_extract" >&2

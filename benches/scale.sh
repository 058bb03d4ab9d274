#!/usr/bin/env bash
# Scale benchmark: dateline against the physical floor on generated collections.
#
#   benches/scale.sh [N ...]        (default: 10000 100000)
#
# For each N it generates (once) a collection with ../shared/bench/gen_corpus.py,
# then measures in one run, warm page cache, release build:
#   L        rg -c '[A-Z][a-z]+ [A-Z][a-z]+' DIR   (read and scan every byte: the floor)
#   export   dateline export --jsonl DIR >/dev/null, with the saved index filled
#            by the warm-up run, and on a first start (an empty cache folder before
#            each run: everything is extracted, and the saved index written)
#   first    the reader's first screen (a dated title row visible), tui_timing.py in tmux 200x60
#   index    the reader's index complete (its "articles indexed in" message), in runs
#            of their own that poll the screen every 50 ms;
#            with the saved index, and on a first start
#   memory   peak RSS of those readers
# and prints the figures and their ratios to L side by side. The host's speed
# drifts within minutes, so the index runs are also paired with an L measured
# just before each of them (the median of the per-run ratios is printed too).
# Needs: python3, tmux, ripgrep (rg), hyperfine (apt-get install -y tmux ripgrep hyperfine).
set -euo pipefail
export LC_ALL=C # a decimal point in $EPOCHREALTIME, whatever the locale
cd "$(dirname "$0")/.."
floor='[A-Z][a-z]+ [A-Z][a-z]+'

if [ "${1:-}" = --floor-once ]; then # one L of folder $2, appended to file $3 in ms
    start=$EPOCHREALTIME
    rg -c "$floor" "$2" >/dev/null
    awk -v s="$start" -v e="$EPOCHREALTIME" 'BEGIN { printf "%.1f\n", (e - s) * 1000 }' >>"$3"
    exit
fi
shared=${DATELINE_SHARED:-../shared}
out=${SCALE_DIR:-target/scale}
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(10000 100000)

for tool in python3 tmux rg hyperfine; do
    command -v "$tool" >/dev/null || { echo "benches/scale.sh: $tool is missing" >&2; exit 1; }
done
[ -f "$shared/bench/gen_corpus.py" ] || { echo "benches/scale.sh: $shared/bench is missing" >&2; exit 1; }

cargo build --release --locked --quiet
bin=$(pwd)/target/release/dateline
mkdir -p "$out"

median_ms() { # hyperfine median of a shell command (after the command $2 each run), in ms
    hyperfine --style none --warmup 1 --runs "$runs" --prepare "${2:-true}" \
        --export-json "$out/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json,statistics;r=json.load(open('$out/h.json'))['results'][0]['times'];print(f'{statistics.median(r)*1000:.0f}')"
}

# Before every timed run, `rg -c x DIR` reads the collection back into the
# page cache: this machine's memory manager pages out cold file pages.

# The reader's first screen in tmux: the median time to its first dated row.
first_screen() {
    python3 "$shared/bench/tui_timing.py" --runs "$runs" --size 200x60 --prepare "rg -c x $dir >/dev/null" \
        --step '' '[0-9]{4}-[0-9]{2}-[0-9]{2} ' -- "$bin" "$dir" 2>/dev/null |
        sed -n 1p | sed -E 's/.*median=([0-9.]+) ms.*/\1/'
}

# The reader in tmux (environment "$1"; the command $2 before each run):
# prints the median time to its "indexed in" message, its peak RSS in KiB and
# the median ratio of each run's time to the L measured just before it.
# The screen is polled every 50 ms, not every 2: polling that often runs tmux
# hundreds of times a second, on the two cores the reader is using.
indexed() {
    rm -f "$out/floor.txt"
    python3 "$shared/bench/tui_timing.py" --runs "$runs" --size 200x60 --poll 0.05 \
        --prepare "rg -c x $dir >/dev/null; ${2:-true}; benches/scale.sh --floor-once $dir $out/floor.txt" \
        --step '' 'articles indexed in' \
        -- env $1 /usr/bin/time -o "$out/mem.txt" -f '%M' "$bin" "$dir" 2>"$out/runs.txt" |
        sed -n 1p | sed -E 's/.*median=([0-9.]+) ms.*/\1/' | tr '\n' ' '
    tail -n1 "$out/mem.txt" | tr '\n' ' '
    python3 - "$out/runs.txt" "$out/floor.txt" <<'PY'
import re, statistics, sys
runs = [float(m) for m in re.findall(r"^run \d+: ([0-9.]+)", open(sys.argv[1]).read(), re.M)]
floors = [float(x) for x in open(sys.argv[2]).read().split()]
print(f"{statistics.median(r / f for r, f in zip(runs, floors)):.2f}")
PY
}

paired_note=()
printf '%-8s %5s %7s | %-27s | %-27s | %9s | %-25s\n' "" "" "" "with the saved index" "first start (writes it)" "" "peak MiB (x disk)"
printf '%-8s %5s %7s | %13s %13s | %13s %13s | %9s | %12s %12s\n' articles MB "L ms" "export (xL)" "index (xL)" "export (xL)" "index (xL)" "first ms" saved first
for n in "${sizes[@]}"; do
    dir="$out/c$n"
    [ -d "$dir" ] || python3 "$shared/bench/gen_corpus.py" --n "$n" --out "$dir" --seed 1 >/dev/null
    bytes=$(du -sb "$dir" | cut -f1)
    L=$(median_ms "rg -c '$floor' $dir >/dev/null")
    E=$(median_ms "$bin export --jsonl $dir >/dev/null" "rg -c x $dir >/dev/null")
    empty="$out/first-start-cache"
    EF=$(median_ms "XDG_CACHE_HOME=$empty $bin export --jsonl $dir >/dev/null" "rg -c x $dir >/dev/null; rm -rf $empty")
    first=$(first_screen)
    read -r index kib paired <<<"$(indexed X=1)"
    read -r index_fresh kib_fresh paired_fresh <<<"$(indexed "XDG_CACHE_HOME=$empty" "rm -rf $empty")"
    paired_note+=("$n articles: index ${paired} L with the saved index, ${paired_fresh} L on a first start")
    python3 - "$n" "$bytes" "$L" "$E" "$index" "$EF" "$index_fresh" "$first" "$kib" "$kib_fresh" <<'PY'
import sys
n, b, L, E, I, EF, IF, F, kib, kibf = sys.argv[1:]
b, L, E, I, EF, IF, F = int(b), float(L), float(E), float(I), float(EF), float(IF), float(F)
x = lambda v: f"{v:6.0f} ({v/L:4.1f})"
mem = lambda k: f"{int(k)/1024:5.0f} ({int(k)*1024/b:4.2f})"
print(f"{n:<8} {b/1e6:5.0f} {L:7.0f} | {x(E)} {x(I)} | {x(EF)} {x(IF)} | {F:9.0f} | {mem(kib)} {mem(kibf)}")
PY
done
echo "Median of each index run over the L measured just before it:"
printf '  %s\n' "${paired_note[@]}"

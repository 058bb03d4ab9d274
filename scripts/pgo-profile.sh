#!/usr/bin/env bash
# Regenerates pgo/dateline.profdata, the profile that optimized builds of
# dateline are compiled with (see README.md, "Profile-guided build").
#
#   scripts/pgo-profile.sh
#
# Builds an instrumented dateline (its own target folder), runs it on work
# like a user's: the commands and the reader (in tmux, with keys) over a
# collection generated with ../shared/bench/gen_corpus.py (another seed than
# the benchmarks'), the real wire articles of ../shared when present, and the
# bundled sample; a first start and a start with the saved index. Then merges
# the counts. Run it after changing the code: functions changed since the
# profile was made are compiled without it.
# Needs: python3, tmux, rustup's llvm-tools component (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${DATELINE_SHARED:-../shared}
work=$PWD/target/pgo
host=$(rustc -vV | sed -n 's/^host: //p')
tools=$(rustc --print sysroot)/lib/rustlib/$host/bin
[ -x "$tools/llvm-profdata" ] || rustup component add llvm-tools
for tool in python3 tmux; do
    command -v "$tool" >/dev/null || { echo "scripts/pgo-profile.sh: $tool is missing" >&2; exit 1; }
done
[ -f "$shared/bench/gen_corpus.py" ] || { echo "scripts/pgo-profile.sh: $shared/bench is missing" >&2; exit 1; }

rm -rf "$work/raw" "$work/home"
mkdir -p "$work/home"
RUSTC_WRAPPER='' RUSTFLAGS="-Cprofile-generate=$work/raw" \
    cargo build --release --locked --quiet --target-dir "$work/build"
bin=$work/build/release/dateline
train=$work/train
[ -d "$train" ] || python3 "$shared/bench/gen_corpus.py" --n 3000 --out "$train" --seed 7 >/dev/null
export XDG_CACHE_HOME=$work/home/cache XDG_STATE_HOME=$work/home/state XDG_CONFIG_HOME=$work/home/config

collections=("$train")
[ -d "$shared/corpus/wire" ] && collections+=("$shared/corpus/wire" "$shared/corpus/wikinews")
for dir in "${collections[@]}"; do
    for _ in first saved; do
        "$bin" entities "$dir" >/dev/null 2>&1 || true
    done
    "$bin" export --jsonl "$dir" >/dev/null 2>&1 || true
    "$bin" mentions Wang "$dir" >/dev/null 2>&1 || true
done

# The reader: wait for the index, then read, jump, search, sort and quit.
reader() { # reader ARGS...: one session with keys
    tmux kill-session -t dateline-pgo 2>/dev/null || true
    tmux new-session -d -s dateline-pgo -x 200 -y 60 "$bin $*"
    for _ in $(seq 1 600); do
        sleep 0.1
        tmux capture-pane -p -t dateline-pgo | grep -q 'indexed in\|article 1/' && break
    done
    keys() { for k in "$@"; do tmux send-keys -t dateline-pgo "$k"; sleep 0.05; done; }
    keys j j j k Enter Tab j j Enter n n n N n PageDown PageUp Tab Tab
    keys / W a n g Enter n n Escape s s s c c c h h
    keys e p Escape E L i Escape f f u b B B
    keys Tab j Enter p Escape G g Down Down Up
    keys q
    sleep 1
    tmux kill-session -t dateline-pgo 2>/dev/null || true
}
rm -rf "$XDG_CACHE_HOME"
reader "$train"
reader "$train"
reader

"$tools/llvm-profdata" merge --sparse -o pgo/dateline.profdata "$work"/raw/*.profraw
echo "scripts/pgo-profile.sh: wrote pgo/dateline.profdata ($(du -h pgo/dateline.profdata | cut -f1))"

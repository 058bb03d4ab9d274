#!/usr/bin/env bash
# Regenerates pgo/dateline.profdata, the profile that optimized builds of
# dateline are compiled with, and pgo/llvm-version, the LLVM that can read it
# (see README.md, "Profile-guided build").
#
#   scripts/pgo-profile.sh
#
# Builds an instrumented dateline (its own target folder), runs it on work
# like a user's: the commands and the reader (in tmux, with keys) over a
# collection generated with ../shared/bench/gen_corpus.py (another seed than
# the benchmarks'), the real wire and Wikinews articles of ../shared when
# present, and the bundled sample; a first start and a start with the saved
# index, in cache, data (reading state) and configuration folders of its own. Then merges
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

rm -rf "$work/raw" "$work/build-raw" "$work/home"
mkdir -p "$work/home"
# Build scripts are instrumented too: what they count when cargo runs them
# goes to build-raw, left out of the profile.
RUSTC_WRAPPER='' CARGO_ENCODED_RUSTFLAGS="-Cprofile-generate=$work/build-raw" \
    cargo build --release --locked --quiet --target-dir "$work/build"
bin=$work/build/release/dateline
train=$work/train
if [ ! -d "$train" ]; then
    python3 "$shared/bench/gen_corpus.py" --n 3000 --out "$train.part" --seed 7 >/dev/null
    mv "$train.part" "$train"
fi
home=(XDG_CACHE_HOME="$work/home/cache" XDG_DATA_HOME="$work/home/data"
    XDG_CONFIG_HOME="$work/home/config" LLVM_PROFILE_FILE="$work/raw/dateline-%p.profraw")

# Runs dateline with the arguments given; status 1 (some input could not be read) is expected
# of the shared corpus, which holds awkward files on purpose.
run() {
    local status=0
    env "${home[@]}" "$bin" "$@" >/dev/null 2>&1 || status=$?
    if [ "$status" -gt 1 ]; then
        echo "scripts/pgo-profile.sh: dateline $* failed ($status)" >&2
        exit 1
    fi
}
collections=("$train")
[ -d "$shared/corpus/wire" ] && collections+=("$shared/corpus/wire" "$shared/corpus/wikinews")
for dir in "${collections[@]}"; do
    run entities "$dir" # writes the saved index
    run entities "$dir" # reads it
    run export --jsonl "$dir"
    run mentions Wang "$dir"
done

# The reader: wait for the index, then read, jump, search, sort and quit.
session=dateline-pgo-$$
reader() { # reader ARGS...: one session with keys
    tmux new-session -d -s "$session" -x 200 -y 60 \
        "$(printf '%q ' env "${home[@]}" "$bin" "$@")"
    for _ in $(seq 1 600); do
        sleep 0.1
        tmux capture-pane -p -t "$session" | grep -q 'indexed in\|article 1/' && break
    done
    keys() { for k in "$@"; do tmux send-keys -t "$session" "$k"; sleep 0.05; done; }
    keys j j j k Enter Tab j j Enter n n n N n PageDown PageUp Tab Tab
    keys / W a n g Enter n n Escape s s s c c c h h
    keys e p Escape E L i Escape f f u b B B
    keys Tab j Enter p Escape G g Down Down Up
    keys q
    for _ in $(seq 1 50); do
        sleep 0.1
        tmux has-session -t "$session" 2>/dev/null || return 0
    done
    tmux kill-session -t "$session"
    echo "scripts/pgo-profile.sh: the reader did not quit" >&2
    exit 1
}
rm -rf "$work/home/cache"
reader "$train"
reader "$train"
reader

"$tools/llvm-profdata" merge --sparse -o pgo/dateline.profdata "$work"/raw/*.profraw
rustc -vV | sed -n 's/^LLVM version: //p' > pgo/llvm-version
echo "scripts/pgo-profile.sh: wrote pgo/dateline.profdata ($(du -h pgo/dateline.profdata | cut -f1)) for LLVM $(cat pgo/llvm-version)"
echo "scripts/pgo-profile.sh: cargo does not see the change; run \`cargo clean --release\` before building"

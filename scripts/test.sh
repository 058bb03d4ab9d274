#!/usr/bin/env bash
# Runs every test of dateline on a fresh machine: installs what the tests need
# (tmux for the end-to-end tests), then the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v tmux >/dev/null 2>&1; then
    echo "scripts/test.sh: installing tmux for the end-to-end tests" >&2
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && apt-get install -y -qq tmux
    else
        sudo apt-get update -qq && sudo apt-get install -y -qq tmux
    fi
fi

# The saved-index cache of the collections the tests load goes to a temporary
# folder, not the user's cache.
XDG_CACHE_HOME="$(mktemp -d)"
export XDG_CACHE_HOME
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT

cargo test --locked "$@"

#!/usr/bin/env bash
# Applies the patches of a folder (patches/<name>/*.patch, in name order) to an unpacked source tree.
# Idempotent: a patch that is already applied is skipped, so a re-run of the ExternalProject patch step (or a
# tree given with CSOUND_WASM_*_SRC that was patched before) is fine. A patch that applies neither way fails.
set -euo pipefail
patches=$(cd "$1" && pwd)
tree=$2
cd "$tree"
for p in "$patches"/*.patch; do
  [ -e "$p" ] || continue
  if patch -p1 --dry-run --reverse --force --silent -i "$p" >/dev/null 2>&1; then
    echo "already applied: $(basename "$p")"
  elif patch -p1 --forward --silent -i "$p"; then
    echo "applied: $(basename "$p")"
  else
    echo "patch does not apply: $p" >&2
    exit 1
  fi
done

#!/usr/bin/env bash
# Applies the patches of a folder (patches/<name>/*.patch, in name order) to an unpacked source tree.
# Idempotent: the tree keeps the names of the patches applied to it (.csound-wasm-patches), so a re-run of the
# ExternalProject patch step (after a patch was added) applies only the new ones. A tree patched before that list
# existed (or given with CSOUND_WASM_*_SRC) is recognised patch by patch with a reverse dry run. Each patch is
# tried with a dry run first, so one that does not apply fails the build without touching the tree.
set -euo pipefail
patches=$(cd "$1" && pwd)
tree=$2
cd "$tree"
applied=.csound-wasm-patches
touch "$applied"
for p in "$patches"/*.patch; do
  [ -e "$p" ] || continue
  name=$(basename "$p")
  if grep -qxF "$name" "$applied"; then
    echo "already applied: $name"
  elif patch -p1 --dry-run --reverse --force --silent -i "$p" >/dev/null 2>&1; then
    echo "already applied: $name"
    echo "$name" >>"$applied"
  elif patch -p1 --dry-run --forward --silent -i "$p" >/dev/null 2>&1 && patch -p1 --forward --silent -i "$p"; then
    echo "applied: $name"
    echo "$name" >>"$applied"
  else
    echo "patch does not apply: $p" >&2
    exit 1
  fi
done

#!/usr/bin/env bash
# Applies patch files (-p1) to a source tree, each unless it is already applied. Used by the superbuild's
# PATCH_COMMAND (CMakeLists.txt) for patches/csound/.
set -euo pipefail
tree=${1:?usage: apply-patches.sh TREE PATCH...}
shift
cd "$tree"
for p in "$@"; do
  if patch -p1 -R -s -f --dry-run < "$p" >/dev/null 2>&1; then
    echo "apply-patches: $(basename "$p") already applied"
  else
    patch -p1 -s -f < "$p"
    echo "apply-patches: applied $(basename "$p")"
  fi
done

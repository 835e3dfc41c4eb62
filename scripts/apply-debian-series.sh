#!/usr/bin/env bash
# Applies the patch series of a Debian source package's debian tarball (debian/patches/series, in order,
# commented-out entries skipped) to an unpacked orig tree, as dpkg-source does. Once the whole series is in, a
# stamp file in the tree (named after the tarball) makes a re-run do nothing; a patch that does not apply fails.
#   scripts/apply-debian-series.sh <package>_<version>.debian.tar.xz <source tree>
set -euo pipefail
tarball=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tree=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$tarball" -C "$work" debian/patches
cd "$tree"
stamp=".applied-$(basename "$tarball")"
if [ -e "$stamp" ]; then echo "already applied: $(basename "$tarball")"; exit 0; fi
while read -r entry _; do
  case "$entry" in ''|'#'*) continue ;; esac
  p="$work/debian/patches/$entry"
  if patch -p1 --forward --silent -i "$p"; then
    echo "applied: $entry"
  else
    echo "Debian patch does not apply: $entry" >&2
    exit 1
  fi
done < "$work/debian/patches/series"
touch "$stamp"

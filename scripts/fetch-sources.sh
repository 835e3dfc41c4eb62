#!/usr/bin/env bash
# Downloads the pinned orig tarballs of Csound and libsndfile from Debian's source archive into $1.
# The deb-src entry comes from scripts/setup-system.sh (derived from the machine's own Debian sources).
# Only the orig tarballs are needed; Debian's patch tarballs may be missing from the archive, which is fine.
set -uo pipefail
dest=${1:?usage: fetch-sources.sh DIR}
mkdir -p "$dest"
cd "$dest"
bash "$(dirname "$0")/setup-system.sh" build
apt-get source --download-only csound=1:6.18.1+dfsg-1 >fetch.log 2>&1
apt-get source --download-only libsndfile=1.2.0-1+deb12u1 >>fetch.log 2>&1
for f in csound_6.18.1+dfsg.orig.tar.xz libsndfile_1.2.0.orig.tar.gz; do
  [ -f "$f" ] || { echo "fetch-sources: $f not downloaded, see $dest/fetch.log" >&2; exit 1; }
done
exit 0

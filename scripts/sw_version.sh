#!/bin/sh
# Trunk post-build hook (Trunk.toml): writes the build's version and file list into the service worker
# (assets/sw.js, copied to the staging directory by index.html), so each release caches its own files under
# its own name and a new release replaces the old cache. The version is a hash of the files' names and bytes:
# the same build gives the same worker.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
cd "$dir"
files=$(find . -type f ! -name sw.js | sed 's|^\./||' | LC_ALL=C sort)
version=$(for f in $files; do printf '%s\n' "$f"; cat "$f"; done | sha256sum | cut -c1-16)
list=$(for f in $files; do printf '"%s",' "$f"; done)
sed -i -e "s|^const VERSION = \"dev\";|const VERSION = \"$version\";|" -e "s|^const FILES = \[\];|const FILES = [${list%,}];|" sw.js
grep -q "const VERSION = \"$version\";" sw.js

#!/usr/bin/env bash
# fuzz.sh runs every Go fuzz target of the module, one after the other, each
# for FUZZTIME (default 30s). Targets are found with `go test -list 'Fuzz.*'`,
# so a new Fuzz function is picked up with no change here. It fails on the
# first target that finds a failure; the failing input is then in that
# package's testdata/fuzz/FuzzNAME/ folder, ready to be committed as a
# regression case.
#
# Usage: FUZZTIME=1m scripts/fuzz.sh [packages]   (packages default to ./...)
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-30s}
go=${GO:-go}
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./...)

# `go test -list` prints the matching names of a package, then a line
# "ok  <import path> <time>" for it. Pair each name with its package.
listing=$("$go" test -run '^$' -list '^Fuzz' "${pkgs[@]}")
targets=$(printf '%s\n' "$listing" | awk '
	/^Fuzz/ { names[++n] = $1; next }
	/^ok[ \t]/ { for (i = 1; i <= n; i++) print $2, names[i]; n = 0 }
')

if [ -z "$targets" ]; then
	echo "fuzz: no Fuzz functions in ${pkgs[*]}"
	exit 0
fi

count=$(printf '%s\n' "$targets" | wc -l)
echo "fuzz: $count target(s), $fuzztime each"
while read -r pkg name; do
	echo "fuzz: $pkg $name"
	"$go" test -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime" "$pkg"
done <<<"$targets"

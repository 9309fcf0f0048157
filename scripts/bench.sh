#!/usr/bin/env bash
# bench.sh runs lantoa's benchmarks (issue #11), in two parts:
#
#  1. the Go benchmarks of the build stages (load, render, template, minify,
#     index, write, and the whole build) on a small generated corpus; each
#     reports ns/page, so a regression shows stage by stage;
#  2. the harness internal/cmd/benchsite: full builds of generated corpora
#     of BENCH_SIZES models (exemplars = 44% of the models) against the floor
#     program, with wall time, CPU time, peak RSS, pages/s, the machine's
#     load and the budgets of the issue.
#
# Usage: scripts/bench.sh     (or `make bench`)
#
# Environment (defaults in brackets):
#   BENCH_SIZES   corpus sizes in models              [1000,10000,50000]
#   BENCH_RUNS    runs per size, the best is kept     [3]
#   BENCH_SHARE   sizes also built with share images  [1000]
#   BENCH_KEEP    folder caching corpora (~10 MB per 1,000 models) [/tmp/lantoa-bench]
#   BENCH_PROFILE folder for CPU/memory profiles of one more run per size [none]
#   BENCH_PKGS    packages whose Go benchmarks run    [./internal/build]
#   BENCHTIME     go test -benchtime                   [3x]
#   BENCH_SKIP    "go" or "site" to skip that part     [none]
#
# The machine should be otherwise idle: every result is printed with the load
# average, and a warning when it is above 1.5.
set -euo pipefail
cd "$(dirname "$0")/.."

go=${GO:-go}
sizes=${BENCH_SIZES:-1000,10000,50000}
runs=${BENCH_RUNS:-3}
share=${BENCH_SHARE:-1000}
keep=${BENCH_KEEP:-/tmp/lantoa-bench}
profile=${BENCH_PROFILE:-}
pkgs=${BENCH_PKGS:-./internal/build}
benchtime=${BENCHTIME:-3x}
skip=${BENCH_SKIP:-}

echo "bench: $(uptime)"
if [ "$skip" != go ]; then
	echo "bench: Go benchmarks of the build stages ($pkgs, -benchtime $benchtime)"
	# shellcheck disable=SC2086 # pkgs is a list
	"$go" test -run '^$' -bench . -benchmem -benchtime "$benchtime" $pkgs
fi
if [ "$skip" != site ]; then
	echo "bench: full builds against the floor (sizes $sizes, $runs runs)"
	"$go" run ./internal/cmd/benchsite -sizes "$sizes" -runs "$runs" -share "$share" -keep "$keep" -profile "$profile"
fi
echo "bench: $(uptime)"

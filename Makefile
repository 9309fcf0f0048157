# lantoa's build and test entry points. CI runs `bash .ci/run`, which runs
# `make test`.
#
#   make test    install missing test tools (make deps), go vet, go test
#   make deps    install missing test tools only (scripts/deps.sh)
#   make build   build the site in the repository root into public/
#   make fuzz    run every Fuzz function for FUZZTIME (default 30s) each
#   make bench   run the benchmarks (scripts/bench.sh; see docs/benchmarks.md)
#
# Tests read these variables; the defaults point at the tools that
# `make deps` installs.

GO ?= go
FUZZTIME ?= 30s
# The limit for one package's test binary; the whole `make test` must stay
# under 15 minutes on 2 cores.
TEST_TIMEOUT ?= 8m
TESTFLAGS ?=
PKGS ?= ./...

export LANTOA_AXE_JS ?= $(CURDIR)/node_modules/axe-core/axe.min.js
export LANTOA_VNU_JAR ?= $(CURDIR)/node_modules/vnu-jar/build/dist/vnu.jar
export LANTOA_ARTIFACTS ?= $(CURDIR)/artifacts
export FUZZTIME

.PHONY: all test deps vet build fuzz bench

all: test

test: deps vet
	$(GO) test -timeout $(TEST_TIMEOUT) $(TESTFLAGS) $(PKGS)

deps:
	@bash scripts/deps.sh

vet:
	$(GO) vet $(PKGS)

build:
	$(GO) run ./cmd/lantoa build

fuzz:
	@bash scripts/fuzz.sh $(PKGS)

# Go benchmarks of the build stages, then full builds of generated corpora
# of 1,000 / 10,000 / 50,000 models against the floor program, with the
# budgets of issue #11; BENCH_* variables configure it (see scripts/bench.sh).
bench:
	@GO=$(GO) bash scripts/bench.sh

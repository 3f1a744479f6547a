# Clipper: the two commands a newcomer needs are `make demo` and `make test`. Both install what they need first
# (scripts/setup.sh: librdkafka >= 2.8, kcat, the Tansu test broker) and are fast when it is already there.

SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/debug
# Warnings are errors in our targets; plugin tools and benchmarks are not compiled (see Package.swift). Every target
# below builds with the same settings, so switching between them rebuilds nothing.
export CLIPPER_STRICT ?= 1
export CLIPPER_SKIP_TOOLS ?= 1

.PHONY: setup setup-tests build demo test format-check lint-config config bench bench-kafka clean

setup:
	@bash scripts/setup.sh

setup-tests:
	@bash scripts/setup.sh --for-tests

build: setup
	$(SWIFT) build --product clipper

## Run the main job on the embedded default: an in-process Kafka broker seeded with Config/samples.
demo: build
	$(BIN)/clipper demo

## Run the whole test suite: unit, Kafka (in-process mock cluster), integration (real binary, separate brokers).
## Also the format check, and the build treats warnings in our targets as errors (CLIPPER_STRICT above).
test: setup-tests format-check
	$(SWIFT) build --build-tests
	@CLIPPER_BINARY=$(CURDIR)/$(BIN)/clipper TANSU_BIN=$(CURDIR)/.tools/tansu/bin/tansu \
		$(SWIFT) test --skip-build --no-parallel 2>&1 | tee .build/test-output.txt | grep -v -E '^(Test Case|Test Suite).*(started|passed)'; \
		status=$${PIPESTATUS[0]}; \
		echo "---- test summary ----"; \
		grep -E '^(✔|✘|􁁛|􀢄)? ?Test run with|Executed [0-9]+ tests|tests? (passed|failed)|^✘' .build/test-output.txt | tail -20; \
		exit $$status

## swift format lint --strict on the paths in .swift-format-paths (a second or two).
format-check:
	@bash scripts/format-check.sh

lint-config: build
	$(BIN)/clipper lint --config Config/clipper.yaml

## Regenerate what the settings spec (Sources/ClipperWorker/Configuration/Spec) drives; tests fail when these are stale.
config: build
	$(BIN)/clipper config --yaml > Config/clipper.yaml
	$(BIN)/clipper config --schema > Config/schemas/clipper.config.schema.json
	$(BIN)/clipper config --docs > docs/configuration.md

## The benchmark table: each processor and the whole chain, `clipper run` through Tansu and `clipper broker`, the
## Python stack (lingua, spaCy, datasketch) and the Kafka passthrough vs a C loop, all in one run (Benchmarks/bench.sh).
bench: setup-tests
	bash Benchmarks/bench.sh

## Kafka passthrough benchmark: Swift layer vs a plain C librdkafka loop, same broker, same run.
bench-kafka: setup
	CLIPPER_SKIP_TOOLS=0 bash Benchmarks/kafka-passthrough.sh

clean:
	rm -rf .build

# SIAPkerja — everything a newcomer runs. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench bench-quick wrk kubectl manifests lint fmt install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[local,dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m deploy.local.run

test: $(STAMP) kubectl
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# kubectl builds the Kubernetes overlays in the suite: Debian's package, installed if missing.
kubectl:
	@command -v kubectl >/dev/null || (apt-get update -qq && apt-get install -y -qq kubectl)

# Regenerate deploy/k8s/base from the platform's registries (processes, events, subscriptions).
manifests: $(STAMP)
	$(BIN)/python -m deploy.k8s.generate

# wrk (saturated throughput) and hey (latency at a fixed rate): Debian's packages, installed if missing.
LOADGEN := $(shell command -v wrk >/dev/null && command -v hey >/dev/null && echo yes)

wrk:
	@test -n "$(LOADGEN)" || (apt-get update -qq && apt-get install -y -qq wrk hey)

bench: $(STAMP) wrk
	$(BIN)/python -m bench

bench-quick: $(STAMP) wrk
	$(BIN)/python -m bench --quick

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) .data

# SIAPkerja — everything a newcomer runs. `make run` and `make test` need only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz audit checkov bench bench-quick wrk kubectl manifests lint fmt install clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[local,dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python -m deploy.local.run

test: $(STAMP) kubectl checkov
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The schemathesis run of the suite, longer: 100 generated cases per operation and caller.
fuzz: $(STAMP)
	SIAPKERJA_FUZZ_EXAMPLES=$${SIAPKERJA_FUZZ_EXAMPLES:-100} $(BIN)/python -m pytest -m fuzz $(PYTEST_ARGS)

# Known vulnerabilities in the locked dependencies. It asks PyPI's JSON API, which this project's
# sandboxed CI cannot reach; --strict fails rather than pass on what it could not check.
audit: $(STAMP)
	$(BIN)/pip-audit -r requirements.lock --no-deps --disable-pip --strict --progress-spinner off

# kubectl builds the Kubernetes overlays in the suite: Debian's package, installed if missing.
kubectl:
	@command -v kubectl >/dev/null || (apt-get update -qq && apt-get install -y -qq kubectl)

# checkov scans the built manifests in the suite. It pins its own dependencies (packaging among
# them) below what the platform uses, so it lives in a virtual environment of its own.
CHECKOV := $(VENV)/checkov/bin/checkov

checkov: $(CHECKOV)

$(CHECKOV):
	$(PYTHON) -m venv $(VENV)/checkov
	$(VENV)/checkov/bin/python -m pip install --quiet checkov==3.3.30

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

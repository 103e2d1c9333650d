# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
OPCC := $(VENV)/bin/opcc
OUT ?= site

.PHONY: demo test install bench clean

# What the main job needs (the library and the CLI), then the test extras on top for `make test`.
$(VENV)/.installed-main: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.installed: $(VENV)/.installed-main
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# bpmn-js, for the test that opens exported BPMN in a real browser (skipped without npm)
tests/bpmnjs/node_modules/.installed: tests/bpmnjs/package.json tests/bpmnjs/package-lock.json
	if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/bpmnjs --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the bpmn-js browser test will be skipped"; fi

install: $(VENV)/.installed

# The main job on the bundled reference model: validate, check, render the site
# (installs only the runtime dependencies, not the test extras).
demo: $(VENV)/.installed-main
	$(OPCC) validate .
	$(OPCC) check .
	$(OPCC) site . --out $(OUT)
	@echo "Open $(OUT)/index.html in a browser."

# Two workers (the machine CI runs on has 2 cores); a test file stays on one worker, so its
# module fixtures (a built site, a browser) are made once.
test: install tests/bpmnjs/node_modules/.installed
	$(PY) -m pytest -n 2 --dist loadfile

bench: install
	$(PY) -m pip install -q -e '.[bench]'
	$(PY) -m bench

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis tests/bpmnjs/node_modules

# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
OPCC := $(VENV)/bin/opcc
SITE ?= site

.PHONY: demo test install bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	$(OPCC) validate .

test: install
	$(PY) -m pytest

clean:
	rm -rf $(VENV) $(SITE) .pytest_cache .hypothesis

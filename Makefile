# The two set-up commands of the README: `make demo` and `make test`.
# Both create .venv and install sakip with its test dependencies when needed.
VENV  := .venv
STAMP := $(VENV)/.installed-$(shell cksum < pyproject.toml | cut -d' ' -f1)
PYTHON ?= $(shell command -v python3.11 || command -v python3)

$(STAMP): pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e ".[test]"
	rm -f $(VENV)/.installed-* && touch $(STAMP)

.PHONY: install demo test lint system-deps
install: $(STAMP)

system-deps:
	bash scripts/system-deps

demo: $(STAMP) system-deps
	$(VENV)/bin/sakip demo $(ARGS)

test: $(STAMP) system-deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/pytest $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# Two commands for a newcomer: `make run` and `make test`. See README.md.
SHELL := /bin/bash
DEV := scripts/dev.sh

.PHONY: run smoke-run test test-odoo test-demo screenshots odoo-suites odoo-suites-ci check lint bench load upgrade-check upgrade-test i18n venv pg-stop clean

run:  ## demo database with both addons, served on http://localhost:8069
	@$(DEV) run

smoke-run:  ## `make run` twice on a scratch database and port: serving, then reused within 60 s
	@scripts/smoke_run.sh

test:  ## the whole suite with pytest-odoo on a fresh database (T=path::test for one)
	@$(DEV) test $(T)

test-odoo:  ## the same addons through Odoo's own runner (--test-enable)
	@$(DEV) test-odoo

test-demo:  ## tests of the demo database of `make run` (built or reused as it does)
	@$(DEV) test-demo $(T)

screenshots:  ## README screenshots (readme_images/) from the demo database
	@$(DEV) screenshots

odoo-suites:  ## Odoo's own purchase/project suites without, then with the addons: prints the tests failing only with them
	@$(DEV) odoo-suites both

odoo-suites-ci:  ## only the pass with the addons, against the committed baseline .ci/odoo-suites-baseline.txt
	@$(DEV) odoo-suites with

check: lint test test-odoo  ## everything CI runs

lint:  ## pre-commit hooks: ruff, pylint-odoo, XML/CSV/PO checks, generated READMEs
	@$(DEV) lint

bench:  ## benchmarks printing their figures (not part of `make test`)
	@$(DEV) bench $(T)

i18n:  ## regenerate the .pot files and merge them into nl.po / fr.po / de.po
	@$(DEV) i18n

load:  ## concurrent call-offs on a --workers=4 server, beside one process (not part of `make test`)
	@$(DEV) load $(ARGS)

upgrade-check:  ## -u twice changes no business data; uninstall/reinstall keeps Odoo's records
	@$(DEV) upgrade-check

upgrade-test:  ## a database of 18.0.1.0.0 updated to the working tree: migrated values checked
	@$(DEV) upgrade-test

venv:  ## only build the Python environment
	@$(DEV) venv

pg-stop:  ## stop the project's private PostgreSQL cluster, if it runs
	@$(DEV) pg-stop

clean:  ## remove the virtualenv and local data (databases stay)
	rm -rf .venv .data

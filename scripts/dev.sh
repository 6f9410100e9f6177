#!/usr/bin/env bash
# Single entry point behind the Makefile: sets up Odoo 18.0, a virtualenv and
# PostgreSQL, then runs the server, the tests or the linters.
#
#   scripts/dev.sh run                 demo database + server on :8069
#   scripts/dev.sh test [PYTEST ARGS]  pytest-odoo on a fresh database
#   scripts/dev.sh test-demo [ARGS]    tests of the demo database (tests_demo)
#   scripts/dev.sh screenshots         README screenshots from the demo database
#   scripts/dev.sh test-odoo           Odoo's own test runner (--test-enable)
#   scripts/dev.sh lint                the pre-commit hooks (ruff, pylint-odoo, files)
#   scripts/dev.sh bench               benchmarks (tests/benchmarks)
#   scripts/dev.sh odoo-suites [both|with]
#                                      Odoo's own purchase/project suites with and
#                                      without the addons (see odoo_suites.py)
#   scripts/dev.sh load                concurrent call-offs on a multi-worker server
#   scripts/dev.sh upgrade-check       -u twice and uninstall/reinstall lose no data
#   scripts/dev.sh upgrade-test        a database of 18.0.1.0.0 updated to the working tree
#   scripts/dev.sh i18n                regenerate the .pot files
#   scripts/dev.sh pg-stop             stop the project's private cluster
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ADDONS="interzonal_procurement,pmo_portfolio"
# The demo database is Belgian: Belgium's chart of accounts is installed next
# to the addons, which do not depend on it (a database of another country
# keeps its own localisation).
DEMO_ADDONS="${DEMO_ADDONS:-l10n_be}"
ODOO_SRC="${ODOO_SRC:-$HOME/.local/src/odoo-18.0}"
ODOO_REPO="${ODOO_REPO:-https://github.com/odoo/odoo.git}"
VENV="${VENV:-$ROOT/.venv}"
DATA_DIR="${DATA_DIR:-$ROOT/.data}"
DB_NAME="${DB_NAME:-interzonal_demo}"
HTTP_PORT="${HTTP_PORT:-8069}"
PYTHON="${PYTHON:-python3}"
PY="$VENV/bin/python"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\nERROR: %s\n\n' "$*" >&2; exit 1; }

# --------------------------------------------------------------------------
# Odoo source
# --------------------------------------------------------------------------
ensure_odoo_src() {
    if [ -f "$ODOO_SRC/odoo-bin" ] && [ -f "$ODOO_SRC/odoo/release.py" ]; then
        return
    fi
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC ($ODOO_SRC) exists but is not an Odoo source tree (no odoo-bin). \
Point ODOO_SRC at a checkout of the Odoo 18.0 branch, or empty that folder so that \
it can be cloned there."
    fi
    log "No Odoo source in $ODOO_SRC: shallow clone of the 18.0 branch"
    mkdir -p "$(dirname "$ODOO_SRC")"
    if ! GIT_HTTP_LOW_SPEED_LIMIT=1000 GIT_HTTP_LOW_SPEED_TIME=60 \
        git clone --quiet --depth 1 --branch 18.0 "$ODOO_REPO" "$ODOO_SRC" >/dev/null 2>&1; then
        rm -rf "$ODOO_SRC"
        die "No Odoo 18.0 source tree could be found or downloaded. Set ODOO_SRC to the \
path of an Odoo 18.0 source tree (a checkout of the 18.0 branch of $ODOO_REPO, \
containing odoo-bin); by default it is looked for in ~/.local/src/odoo-18.0. \
Nothing was found in $ODOO_SRC and cloning it there failed (no network, or the \
repository is unreachable). Then run the command again."
    fi
    grep -q "version_info = (18, 0" "$ODOO_SRC/odoo/release.py" \
        || die "ODOO_SRC ($ODOO_SRC) is not Odoo 18.0."
}

# --------------------------------------------------------------------------
# Python virtualenv
# --------------------------------------------------------------------------
ensure_venv() {
    ensure_odoo_src
    local stamp="$VENV/.requirements.sha"
    local want
    want="$(cat "$ODOO_SRC/requirements.txt" "$ROOT/requirements.txt" | sha1sum | cut -d' ' -f1)"
    if [ -x "$PY" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
        && "$PY" -c "import odoo.release" 2>/dev/null; then
        return
    fi
    log "Python environment in $VENV"
    [ -x "$PY" ] || "$PYTHON" -m venv "$VENV"
    local pip=("$PY" -m pip install --quiet --disable-pip-version-check)
    # cbor2's sdist (pinned by Odoo) does not build with setuptools >= 70:
    # constrain the build environments pip creates for sdists.
    local constraints="$VENV/build-constraints.txt"
    echo "setuptools<70" > "$constraints"
    export PIP_CONSTRAINT="$constraints"
    "${pip[@]}" -r "$ODOO_SRC/requirements.txt"
    # "compat" puts the source tree itself on sys.path, so that `odoo` stays a
    # regular package next to the `odoo/addons` folders the OCA wheels install.
    "${pip[@]}" --no-deps -e "$ODOO_SRC" --config-settings editable_mode=compat
    "${pip[@]}" -r "$ROOT/requirements.txt"
    unset PIP_CONSTRAINT
    echo "$want" > "$stamp"
}

# --------------------------------------------------------------------------
# PostgreSQL: PG* variables, else the local server, else a private cluster
# --------------------------------------------------------------------------
PG_PRIVATE=0  # 1 when this command started the private cluster
pg_bin() {
    command -v "$1" 2>/dev/null && return
    ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1
}

ensure_pg() {
    if [ -n "${PGHOST:-}${PGPORT:-}${PGUSER:-}" ]; then
        pg_isready -q 2>/dev/null || die "PostgreSQL at PGHOST=${PGHOST:-} PGPORT=${PGPORT:-} does not answer."
        return
    fi
    if [ "${PRIVATE_PG:-0}" != 1 ] \
        && { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || pg_isready -q 2>/dev/null; }; then
        pg_isready -q 2>/dev/null || export PGHOST=127.0.0.1
        return
    fi
    local initdb pg_ctl
    initdb="$(pg_bin initdb)"
    pg_ctl="$(pg_bin pg_ctl)"
    [ -n "$initdb" ] && [ -n "$pg_ctl" ] || die "No PostgreSQL server answers and no \
PostgreSQL server binaries (initdb, pg_ctl) are installed. Start a server and set \
PGHOST/PGPORT/PGUSER, or install the PostgreSQL server package."
    local pgdata="$DATA_DIR/postgres" sock="$DATA_DIR/pgsock"
    mkdir -p "$pgdata" "$sock"
    local as=()
    if [ "$(id -u)" = 0 ]; then
        # PostgreSQL refuses to run as root: run the cluster as an unprivileged user.
        local owner
        owner="$(id -u postgres >/dev/null 2>&1 && echo postgres || echo nobody)"
        chown "$owner" "$pgdata" "$sock"
        chmod 700 "$pgdata"
        as=(runuser -u "$owner" --)
    fi
    if [ ! -f "$pgdata/PG_VERSION" ]; then
        log "Private PostgreSQL cluster in $pgdata"
        "${as[@]}" "$initdb" -D "$pgdata" -U odoo --auth=trust -E UTF8 >/dev/null
    fi
    export PGHOST="$sock" PGPORT="${PRIVATE_PGPORT:-54329}" PGUSER=odoo
    if ! pg_isready -q 2>/dev/null; then
        "${as[@]}" "$pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
            -o "-k $sock -p $PGPORT -c listen_addresses=''" start >/dev/null
        PG_PRIVATE=1
    fi
}

pg_stop() {
    local pgdata="$DATA_DIR/postgres"
    [ -f "$pgdata/postmaster.pid" ] || return 0
    local as=()
    [ "$(id -u)" = 0 ] && as=(runuser -u "$(stat -c %U "$pgdata")" --)
    "${as[@]}" "$(pg_bin pg_ctl)" -D "$pgdata" -m fast stop >/dev/null
}

db_exists() { psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'" | grep -q 1; }

# --------------------------------------------------------------------------
# Odoo
# --------------------------------------------------------------------------
odoo_conf() {
    local conf="$DATA_DIR/odoo.conf"
    mkdir -p "$DATA_DIR"
    local site
    site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    cat > "$conf" <<EOF
[options]
addons_path = $ODOO_SRC/addons,$site/odoo/addons,$ROOT
data_dir = $DATA_DIR/filestore
db_host = ${PGHOST:-False}
db_port = ${PGPORT:-False}
db_user = ${PGUSER:-False}
http_port = $HTTP_PORT
list_db = True
; queue_job's runner starts with the server and runs the addons' jobs
server_wide_modules = base,web,queue_job

[queue_job]
channels = root:1
EOF
    echo "$conf"
}

odoo_bin() { "$PY" "$ODOO_SRC/odoo-bin" -c "$CONF" "$@"; }

cleanup() { [ "$PG_PRIVATE" = 1 ] && pg_stop || true; }

WORK_DB=""
drop_work_db() {
    # The databases a command creates for itself are dropped when it ends.
    if [ -n "$WORK_DB" ]; then
        dropdb --if-exists "$WORK_DB" >/dev/null 2>&1 || true
        rm -rf "$DATA_DIR/filestore/filestore/$WORK_DB"
    fi
    cleanup
}

setup_all() {
    ensure_venv
    ensure_pg
    trap cleanup EXIT
    CONF="$(odoo_conf)"
}

odoo_checked() {
    # odoo_checked DB ARGS...: run Odoo once (install/update); Odoo logs a failed
    # demo data load or update and carries on, so treat any logged error as fatal.
    local db="$1"
    shift
    local out="$DATA_DIR/install-$db.log"
    set +e
    odoo_bin -d "$db" --stop-after-init --no-http --log-level=warn "$@" >"$out" 2>&1
    local rc=$?
    set -e
    if [ $rc -ne 0 ] || grep -qE "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$out"; then
        grep -vE "security risk" "$out" | tail -n 40 >&2
        die "Installing or updating the addons in database $db failed (full log: $out)."
    fi
}

install_db() {
    # install_db NAME [extra odoo args]: fresh database with both addons
    local db="$1"
    shift
    odoo_checked "$db" -i "$ADDONS" "$@"
}

addons_hash() {
    (cd "$ROOT" && git ls-files -co --exclude-standard -- ${ADDONS//,/ } | sort \
        | xargs sha1sum 2>/dev/null | sha1sum | cut -d' ' -f1)
}

ensure_demo_db() {
    # The demo database DB_NAME: reused when its addons are unchanged, updated
    # when they changed, created with demo data otherwise.
    local stamp="$DATA_DIR/$DB_NAME.addons.sha" want
    want="$(addons_hash)"
    if db_exists "$DB_NAME" && psql -d "$DB_NAME" -tAc \
        "SELECT count(*) FROM ir_module_module WHERE name IN ('interzonal_procurement','pmo_portfolio') AND state='installed' AND demo" \
        | grep -q '^2$'; then
        if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
            log "Reusing database $DB_NAME"
        else
            log "The addons changed since $DB_NAME was built: updating them"
            odoo_checked "$DB_NAME" -u "$ADDONS"
        fi
    else
        db_exists "$DB_NAME" && dropdb "$DB_NAME"
        log "Creating demo database $DB_NAME (a few minutes the first time)"
        odoo_checked "$DB_NAME" -i "$ADDONS${DEMO_ADDONS:+,$DEMO_ADDONS}" \
            --load-language=nl_BE,fr_BE
    fi
    echo "$want" >"$stamp"
}

cmd_run() {
    setup_all
    ensure_demo_db
    cat >&2 <<EOF

  Odoo is starting on http://localhost:$HTTP_PORT  (database: $DB_NAME)
  Demo logins (password = login):
    admin / admin                       administrator
    buyer / buyer                       operational buyer (Antwerp zone)
    contract_manager / contract_manager contract manager
    finance / finance                   finance officer
    requester / requester               ICT requester
    pmo / pmo                           PMO manager
    project_lead / project_lead         project lead
    member / member                     project member
  Stop with Ctrl-C.

EOF
    odoo_bin -d "$DB_NAME" --db-filter="^$DB_NAME\$"
}

cmd_test() {
    setup_all
    WORK_DB="${TEST_DB:-interzonal_test_$$}"
    local db="$WORK_DB"
    db_exists "$db" && dropdb "$db"
    trap drop_work_db EXIT
    log "Installing both addons in a fresh test database $db"
    install_db "$db" --without-demo=all
    log "Running the test suite with pytest-odoo"
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=(interzonal_procurement pmo_portfolio tests)
    cd "$ROOT"
    set +e
    "$VENV/bin/pytest" --odoo-config="$CONF" --odoo-database="$db" --odoo-http \
        --odoo-extra=test-file=/dev/null --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" "${targets[@]}"
    local rc=$?
    set -e
    # pytest's "no tests collected" (5) is a failure here, as any other non-zero code.
    return $rc
}

cmd_test_demo() {
    # The tests of what a newcomer sees in the demo database of `make run`
    # (tests_demo/), on that database, built or reused as `make run` does.
    setup_all
    # DROP_DEMO_DB=1: the database is dropped at the end (CI).
    if [ "${DROP_DEMO_DB:-0}" = 1 ]; then
        WORK_DB="$DB_NAME"
        trap drop_work_db EXIT
    fi
    ensure_demo_db
    log "Running the demo database's tests on $DB_NAME"
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=(tests_demo)
    cd "$ROOT"
    "$VENV/bin/pytest" --odoo-config="$CONF" --odoo-database="$DB_NAME" --odoo-http \
        --odoo-extra=test-file=/dev/null --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" \
        -o testpaths=tests_demo "${targets[@]}"
}

cmd_screenshots() {
    # The README's screenshots, taken by a tour in the demo database.
    setup_all
    ensure_demo_db
    cd "$ROOT"
    mkdir -p "$ROOT/readme_images"
    SCREENSHOT_DIR="$ROOT/readme_images" "$VENV/bin/pytest" --odoo-config="$CONF" \
        --odoo-database="$DB_NAME" --odoo-http --odoo-extra=test-file=/dev/null \
        --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" -o testpaths=tests_demo \
        tests_demo/screenshots.py
}

cmd_test_odoo() {
    setup_all
    WORK_DB="${TEST_DB:-interzonal_odoo_test_$$}"
    local db="$WORK_DB"
    db_exists "$db" && dropdb "$db"
    trap drop_work_db EXIT
    log "Odoo's own test runner on a fresh database $db"
    local out="$DATA_DIR/test-odoo.log"
    set +e
    odoo_bin -d "$db" -i "$ADDONS" --without-demo=all --test-enable \
        --test-tags="${TEST_TAGS:-/interzonal_procurement,/pmo_portfolio}" \
        --stop-after-init --log-level=test --http-port="${TEST_HTTP_PORT:-8169}" >"$out" 2>&1
    local rc=$?
    set -e
    # The full log stays in $out; show what went wrong and the figures.
    grep -E " (ERROR|CRITICAL) |FAIL:|odoo\.tests\.(stats|result)" "$out" | cut -c1-400 >&2 || true
    local failed=0 errors=0 total=0 f e n
    while read -r f e n; do
        failed=$((failed + f)) errors=$((errors + e)) total=$((total + n))
    done < <(sed -nE 's/.*odoo\.tests\.result: ([0-9]+) failed, ([0-9]+) error\(s\) of ([0-9]+) tests.*/\1 \2 \3/p' "$out")
    echo "Odoo runner, full log in $out:"
    echo "$((total - failed - errors)) passed, $((failed + errors)) failed"
    if [ "$total" -eq 0 ]; then
        echo "No test ran." >&2
        rc=1
    elif [ $((failed + errors)) -gt 0 ]; then
        rc=1
    fi
    return $rc
}

cmd_lint() {
    # The hooks of .pre-commit-config.yaml are local: they run the tools of
    # the virtualenv, which goes first on PATH.
    ensure_venv
    cd "$ROOT"
    PATH="$VENV/bin:$PATH" PRE_COMMIT_HOME="$DATA_DIR/pre-commit" \
        "$VENV/bin/pre-commit" run --all-files --show-diff-on-failure --color=never
}

cmd_bench() {
    # One table of every hot path beside its reference (tests/benchmarks),
    # also written to $DATA_DIR/bench-table.md. BENCH_SCALE=0.05 builds a
    # twentieth of the data. Arguments: other benchmark files, such as
    # tests/benchmarks/test_mspdi_benchmark.py.
    setup_all
    WORK_DB="${BENCH_DB:-interzonal_bench_$$}"
    local db="$WORK_DB"
    db_exists "$db" && dropdb "$db"
    trap drop_work_db EXIT
    log "Installing both addons in a fresh database $db"
    install_db "$db" --without-demo=all
    cd "$ROOT"
    local targets=("$@")
    [ ${#targets[@]} -gt 0 ] || targets=(tests/benchmarks/test_bench_procurement.py
        tests/benchmarks/test_bench_pmo.py)
    log "Benchmarks at scale ${BENCH_SCALE:-1}"
    BENCH_TABLE="${BENCH_TABLE:-$DATA_DIR/bench-table.md}" "$VENV/bin/pytest" \
        --odoo-config="$CONF" --odoo-database="$db" --odoo-extra=test-file=/dev/null \
        --odoo-log-level=warn -s "${targets[@]}"
}

# Odoo's own suites of the modules our addons extend, run on a database
# without the addons and on one with them (same modules, no demo data).
SUITE_MODULES="purchase,purchase_requisition,purchase_stock,purchase_request,project"
SUITES_BASELINE="$ROOT/.ci/odoo-suites-baseline.txt"

suite_paths() {
    local site mod
    site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    for mod in ${SUITE_MODULES//,/ }; do
        if [ -d "$ODOO_SRC/addons/$mod/tests" ]; then
            echo "$ODOO_SRC/addons/$mod/tests"
        elif [ -d "$site/odoo/addons/$mod/tests" ]; then
            echo "$site/odoo/addons/$mod/tests"
        else
            die "No tests found for module $mod."
        fi
    done
}

SUITE_DBS=()
drop_suite_dbs() {
    local db
    for db in "${SUITE_DBS[@]}"; do
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        rm -rf "$DATA_DIR/filestore/filestore/$db"
    done
    cleanup
}

suite_modules() {
    # suite_modules without|with: the modules a pass installs. Without the
    # addons: the suites' modules and every module the addons' manifests
    # depend on, directly or not, so that the two passes differ only by the
    # addons (auto-installed modules follow from these in both passes).
    local site
    site="$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')"
    if [ "$1" = with ]; then
        echo "$SUITE_MODULES,$ADDONS"
    else
        "$PY" "$ROOT/scripts/odoo_suites.py" depends \
            "$ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$site/odoo/addons,$ROOT" \
            "$SUITE_MODULES,$ADDONS" --exclude "$ADDONS"
    fi
}

suite_pass() {
    # suite_pass without|with: fresh database, the suites, failing ids in
    # $DATA_DIR/odoo-suites-<pass>.failed (summary line on stdout) and the
    # installed modules in $DATA_DIR/odoo-suites-<pass>.modules
    local pass="$1" modules db
    modules="$(suite_modules "$pass")"
    db="${SUITES_DB_PREFIX}_$pass"
    SUITE_DBS+=("$db")
    db_exists "$db" && dropdb "$db"
    log "[$pass] installing $modules in a fresh database $db (no demo data)"
    odoo_checked "$db" -i "$modules" --without-demo=all
    psql -d "$db" -tAc "SELECT name FROM ir_module_module WHERE state = 'installed'" \
        | LC_ALL=C sort >"$DATA_DIR/odoo-suites-$pass.modules"
    local log_file="$DATA_DIR/odoo-suites-$pass.log" xml="$DATA_DIR/odoo-suites-$pass.xml"
    log "[$pass] running the suites with pytest-odoo (log: $log_file)"
    local paths
    mapfile -t paths < <(suite_paths)
    # Root directory "/": the test ids keep the addon's path (see odoo_suites.py).
    set +e
    (cd "$ROOT" && "$VENV/bin/pytest" --rootdir=/ -c "$ROOT/pyproject.toml" \
        --odoo-config="$CONF" --odoo-database="$db" --odoo-http \
        --odoo-extra=test-file=/dev/null --odoo-log-level="${ODOO_LOG_LEVEL:-warn}" \
        -p no:cacheprovider --junitxml="$xml" -q "${paths[@]}") >"$log_file" 2>&1
    set -e
    "$PY" "$ROOT/scripts/odoo_suites.py" failures "$xml" "$DATA_DIR/odoo-suites-$pass.failed" \
        --label "$pass"
    dropdb --if-exists "$db" >/dev/null 2>&1 || true
    rm -rf "$DATA_DIR/filestore/filestore/$db"
}

cmd_odoo_suites() {
    local mode="${1:-both}"
    case "$mode" in both | with | without) ;; *) die "usage: scripts/dev.sh odoo-suites both|with|without" ;; esac
    setup_all
    SUITES_DB_PREFIX="${SUITES_DB:-interzonal_suites_$$}"
    trap drop_suite_dbs EXIT
    if [ "$mode" != with ]; then
        suite_pass without
    fi
    if [ "$mode" != without ]; then
        suite_pass with
    fi
    case "$mode" in
        both)
            # Like with like: the databases differ by the two addons only.
            local extra rc=0
            extra="$(LC_ALL=C comm -3 "$DATA_DIR/odoo-suites-without.modules" \
                "$DATA_DIR/odoo-suites-with.modules" | tr -d '\t' | paste -sd, -)"
            if [ "$extra" = "$ADDONS" ]; then
                log "Installed modules: the same in both passes but for $ADDONS"
            else
                printf 'The two passes installed different modules besides the addons: %s\n' \
                    "$extra" >&2
                rc=1
            fi
            "$PY" "$ROOT/scripts/odoo_suites.py" compare \
                "$DATA_DIR/odoo-suites-without.failed" "$DATA_DIR/odoo-suites-with.failed" || rc=1
            return $rc ;;
        with)
            "$PY" "$ROOT/scripts/odoo_suites.py" compare \
                "$SUITES_BASELINE" "$DATA_DIR/odoo-suites-with.failed" ;;
        without)
            "$PY" "$ROOT/scripts/odoo_suites.py" compare \
                "$SUITES_BASELINE" "$DATA_DIR/odoo-suites-without.failed" ;;
    esac
}

cmd_load() {
    # Concurrent call-off confirmations on a real server (scripts/load_test.py),
    # with --workers=4 and with one threaded process as the reference.
    setup_all
    WORK_DB="${LOAD_DB:-interzonal_load_$$}"
    local db="$WORK_DB"
    db_exists "$db" && dropdb "$db"
    trap drop_work_db EXIT
    log "Installing both addons in a scratch database $db"
    install_db "$db" --without-demo=all --load-language=nl_BE,fr_BE
    log "Load test on 127.0.0.1:${LOAD_PORT:-8090}"
    "$PY" "$ROOT/scripts/load_test.py" --config "$CONF" --database "$db" \
        --odoo-bin "$ODOO_SRC/odoo-bin" --port "${LOAD_PORT:-8090}" \
        --gevent-port "${LOAD_GEVENT_PORT:-$((${LOAD_PORT:-8090} + 1))}" \
        --log-dir "$DATA_DIR" "$@"
}

cmd_upgrade_check() {
    # scripts/upgrade_check.py on a demo database: a scratch one (dropped at
    # the end), or UPGRADE_DB when set (reused as it is, and kept).
    setup_all
    local db="${UPGRADE_DB:-}"
    if [ -z "$db" ]; then
        WORK_DB="interzonal_upgrade_$$"
        db="$WORK_DB"
        trap drop_work_db EXIT
        log "Installing both addons with demo data in a scratch database $db"
        install_db "$db"
    fi
    "$PY" "$ROOT/scripts/upgrade_check.py" --config "$CONF" --database "$db" \
        --odoo-bin "$ODOO_SRC/odoo-bin" --addons "$ADDONS" "$@"
}

cmd_upgrade_test() {
    # scripts/upgrade_test.py: builds a database from the tag 18.0.1.0.0,
    # updates it with the working tree and checks the migrated values (also
    # run by `make test`, as tests/test_upgrade.py).
    setup_all
    "$PY" "$ROOT/scripts/upgrade_test.py" --config "$CONF" \
        --odoo-bin "$ODOO_SRC/odoo-bin" --database "${UPGRADE_TEST_DB:-interzonal_upgrade_test_$$}" "$@"
}

cmd_i18n() {
    setup_all
    WORK_DB="interzonal_i18n_$$"
    local db="$WORK_DB"
    trap drop_work_db EXIT
    install_db "$db" --without-demo=all
    for addon in ${ADDONS//,/ }; do
        odoo_bin -d "$db" --i18n-export="$ROOT/$addon/i18n/$addon.pot" \
            --modules="$addon" --stop-after-init --log-level=warn
        "$PY" "$ROOT/scripts/i18n_merge.py" "$ROOT/$addon"
    done
}

main() {
    local cmd="${1:-}"
    shift || true
    case "$cmd" in
        run) cmd_run "$@" ;;
        test) cmd_test "$@" ;;
        test-odoo) cmd_test_odoo "$@" ;;
        test-demo) cmd_test_demo "$@" ;;
        screenshots) cmd_screenshots ;;
        lint) cmd_lint "$@" ;;
        bench) cmd_bench "$@" ;;
        odoo-suites) cmd_odoo_suites "$@" ;;
        i18n) cmd_i18n "$@" ;;
        venv) ensure_venv ;;
        pg-stop) pg_stop ;;
        load) cmd_load "$@" ;;
        upgrade-check) cmd_upgrade_check "$@" ;;
        upgrade-test) cmd_upgrade_test "$@" ;;
        *) die "usage: scripts/dev.sh run|test|test-odoo|test-demo|screenshots|lint|bench|odoo-suites|load|upgrade-check|upgrade-test|i18n|venv|pg-stop" ;;
    esac
}

main "$@"

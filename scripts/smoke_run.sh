#!/usr/bin/env bash
# Checks `make run` end to end: a first run builds the demo database and
# serves /web/login; a second run reuses everything and serves within 60 s.
# Uses its own database and port, and drops the database at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DB_NAME="${SMOKE_DB:-interzonal_smoke_$$}"
export HTTP_PORT="${SMOKE_PORT:-8079}"
URL="http://localhost:$HTTP_PORT/web/login"
LOG="${DATA_DIR:-$ROOT/.data}/smoke-run.log"
mkdir -p "$(dirname "$LOG")"
pid=""

stop_server() {
    if [ -n "$pid" ]; then
        kill -- -"$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        pid=""
    fi
}
finish() {
    stop_server
    # SMOKE_KEEP_DB=1 keeps the demo database (CI runs `make test-demo` on it).
    [ "${SMOKE_KEEP_DB:-0}" = 1 ] || dropdb --if-exists "$DB_NAME" >/dev/null 2>&1 || true
}
trap finish EXIT

serve_within() {
    # serve_within SECONDS: start `make run`, wait for /web/login to answer 200
    local limit=$1 start=$SECONDS
    set -m
    make -C "$ROOT" run >>"$LOG" 2>&1 &
    pid=$!
    set +m
    while [ $((SECONDS - start)) -lt "$limit" ]; do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL")" = 200 ]; then
            echo "serving $URL after $((SECONDS - start)) s"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { tail -n 30 "$LOG"; echo "make run stopped"; return 1; }
        sleep 2
    done
    tail -n 30 "$LOG"
    echo "not serving $URL after $limit s"
    return 1
}

: >"$LOG"
echo "first make run (database $DB_NAME, port $HTTP_PORT)"
serve_within 1500
installed=$(psql -d "$DB_NAME" -tAc "SELECT count(*) FROM ir_module_module
    WHERE name IN ('interzonal_procurement', 'pmo_portfolio') AND state = 'installed' AND demo")
[ "$installed" = 2 ] || { echo "both addons are not installed with demo data"; exit 1; }
echo "both addons installed with demo data"
grep -q "buyer / buyer" "$LOG" || { echo "demo logins not printed"; exit 1; }
stop_server
echo "second make run"
serve_within 60
echo "make run: 2 passed, 0 failed"

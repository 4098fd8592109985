#!/usr/bin/env bash
# Production smoke test: `npm run build && npm start` on a fresh embedded database must apply
# the migrations, serve the admin and the API, and shut down on SIGTERM leaving no postgres.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build

data=$(mktemp -d /tmp/legal-docs-prod-XXXX)
chmod 755 "$data"
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
log="$data/server.log"

# Its own process group, signalled as a whole like a terminal's Ctrl-C or a container stop.
NODE_ENV=production EMBEDDED_POSTGRES=true DATA_DIR="$data" PORT="$port" \
  PAYLOAD_SECRET="$(node -e "console.log(require('crypto').randomBytes(32).toString('hex'))")" \
  setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() { kill -TERM -- "-$pid" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  grep -q "Legal documents ready" "$log" && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "server exited early"; exit 1; }
  sleep 1
done
grep -q "Legal documents ready" "$log" || { cat "$log"; echo "server did not start"; exit 1; }

check() { # url expected-status
  code=$(curl -s -o /dev/null -w '%{http_code}' "$1")
  [ "$code" = "$2" ] || { cat "$log"; echo "GET $1 -> $code, expected $2"; exit 1; }
  echo "GET $1 -> $code"
}
check "http://127.0.0.1:$port/healthz" 200
check "http://127.0.0.1:$port/readyz" 200
check "http://127.0.0.1:$port/api/legal-documents?limit=1" 200
check "http://127.0.0.1:$port/admin/login" 200
if grep -q "Demo users created" "$log"; then echo "demo users must never be created in production"; exit 1; fi

pg_pid=$(head -1 "$data/postgres/postmaster.pid")
kill -TERM -- "-$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
trap - EXIT
sleep 1
if kill -0 "$pg_pid" 2>/dev/null; then echo "embedded postgres $pg_pid left running"; exit 1; fi
rm -rf "$data"
echo "production smoke test passed"

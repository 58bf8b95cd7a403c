#!/usr/bin/env bash
# Where a signed-in page's CPU time goes (issue 16). Starts the published portal on a seeded data directory
# (bench.sh seeds and publishes one), signs in as the representative, loads one page with wrk and samples the
# portal's process with Linux perf while it does. Prints:
#   1. the share of CPU samples per library: SQLite (libe_sqlite3), JIT-compiled .NET code, the runtime
#      (libcoreclr: garbage collection, type checks, stubs), OpenSSL (libcrypto: the cookies' encryption), the kernel;
#   2. the share of samples under each of a list of frames (inclusive): the sign-in cookie and the session check,
#      antiforgery, the page handler, EF Core's query pipeline, Razor, the layout;
#   3. each sample counted once: SQLite's and OpenSSL's own code by the library it stopped in, else under the first
#      part of the request its stack shows (the session check, the rest of the sign-in cookie, antiforgery, the page
#      handler's data, Razor, the rest of the request), else by the library: the shares add up to 100 %, which is the
#      table to read "where does a request's time go" from.
# perf counts CPU time only. dotnet-trace's thread-time profile also counts threads waiting on a lock or suspended
# by the sampler itself, which made lock and GC-poll frames look like 30 % of the work. SQLite is built without
# frame pointers, so its samples mostly lose their managed callers: read SQLite's share from table 1, not from table 2
# (table 3 gives it a row of its own, whichever statement it ran: the session check's or the page's).
# Not a test: it asserts nothing. Needs perf (Debian's linux-perf, installed if missing) and wrk.
#   tests/bench/profile.sh [--data-dir /tmp/customerportal-bench] [--seconds 8] [--warmup 30] [--connections 16] [--no-publish] [PATH]
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/bench/sign-in.sh

data_dir=/tmp/customerportal-bench
seconds=8
warmup=30
connections=16
publish=true
port=5187
path=/Orders
while [ $# -gt 0 ]; do
  case "$1" in
    --data-dir) data_dir="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --no-publish) publish=false; shift ;;
    /*) path="$1"; shift ;;
    *) echo "profile.sh: unknown argument '$1'" >&2; exit 2 ;;
  esac
done

[ -f "$data_dir/mirror.db" ] || { echo "profile.sh: no mirror in $data_dir; seed one first: tests/bench/bench.sh --data-dir $data_dir" >&2; exit 2; }
for tool in perf wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf wrk curl >/dev/null
    break
  fi
done

# A portal left running on the port would be sampled in place of this one (or make this one fail to start).
if timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
  echo "profile.sh: something is already listening on port $port; stop it first (ss -ltnp 'sport = :$port' shows what)" >&2
  exit 2
fi

web_dir="$PWD/artifacts/bench/web"
if [ "$publish" = true ] || [ ! -f "$web_dir/CustomerPortal.Web.dll" ]; then
  dotnet publish src/CustomerPortal.Web -c Release -r linux-x64 --self-contained false -o "$web_dir" -nologo -clp:ErrorsOnly >/dev/null
fi

work=$(mktemp -d)
pid=""
wrk_pid=""
trap 'kill $pid $wrk_pid 2>/dev/null || true; rm -rf "$work"; [ -n "$pid" ] && rm -f "/tmp/perf-$pid.map"' EXIT

# Perf maps name the JIT-compiled methods; without write-xor-execute their code has one address perf can read.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 dotnet "$web_dir/CustomerPortal.Web.dll" --contentRoot "$web_dir" \
  --urls "http://127.0.0.1:$port" --Portal:DataDirectory="$data_dir" --Portal:DemoMode=true --DataSource:Provider=Sqlite \
  --Logging:LogLevel:Default=Warning >"$work/web.log" 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do
  kill -0 $pid 2>/dev/null || { echo "portal died:"; cat "$work/web.log"; exit 1; }
  sleep 0.05
done

cookie=$(sign_in_as_representative "http://127.0.0.1:$port" "$work/cookies")
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$port$path")
[ "$status" = 200 ] || { echo "GET $path answered $status"; exit 1; }

# The JIT recompiles hot methods for a while after start (tiered compilation); profile the settled code. Its
# share (libclrjit in table 1) says whether it had settled: more than a few per cent, raise --warmup.
wrk -t2 -c"$connections" -d"${warmup}s" -H "Cookie: $cookie" "http://127.0.0.1:$port$path" >/dev/null
wrk -t2 -c"$connections" -d"$((seconds + 2))s" -H "Cookie: $cookie" "http://127.0.0.1:$port$path" >"$work/wrk.txt" &
wrk_pid=$!
sleep 1
perf record -F 999 -g -p $pid -o "$work/perf.data" -- sleep "$seconds" >"$work/perf.log" 2>&1 \
  || { echo "perf record failed (in a container, kernel.perf_event_paranoid may forbid it):"; cat "$work/perf.log"; exit 1; }
wait $wrk_pid
requests=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk.txt")

echo "== $path, $connections connections, $seconds s sampled at 999 Hz ($requests req/s while sampled; perf slows the portal)"
echo "-- CPU samples by library"
perf report -i "$work/perf.data" --no-children --sort dso --stdio -g none 2>/dev/null \
  | awk '/%/ && !/^#/ && shown < 12 { sub(/^ +/, ""); name = $2; for (i = 3; i <= NF; i++) name = name " " $i; sub(/\[JIT\] tid [0-9]+/, "JIT-compiled .NET code", name); printf "%7s  %s\n", $1, name; shown++ }'

echo "-- CPU samples under each frame (inclusive; a sample can count under several)"
perf script -i "$work/perf.data" -F comm,ip,sym 2>/dev/null | awk '
  BEGIN {
    n = split("HttpProtocol.*ProcessRequests|RequestAdmission;CookieAuthenticationHandler.*HandleAuthenticate;PortalSessionStore;Antiforgery;PageActionInvoker.*InvokeHandlerMethodAsync;QueryCompiler::Execute;QueryCompiler::ExtractParameters;RelationalCommand.*ExecuteReader;Microsoft.Data.Sqlite;RazorView.*RenderAsync;Pages_Shared__Layout.*ExecuteAsync;TagHelper;CachedStringLocalizer;ViewBuffer.*WriteToAsync", pattern, ";")
    split("all of a request (Kestrel, or its turn, to the last byte)|the sign-in cookie and the session check|  the session check (portal store)|antiforgery (tokens in forms and the cookie)|the page handler (OnGet: its data)|EF Core query pipeline (cache lookup, parameters)|  of which extracting the parameters|EF Core running commands and reading rows|Microsoft.Data.Sqlite (managed part)|Razor rendering (page and layout)|  the layout|  tag helpers|  localized strings|writing the HTML out", label, "|")
  }
  /^[^ \t]/ { if (inside) finish(); inside = 1; stack = ""; next }
  /^$/ { if (inside) finish(); inside = 0; next }
  { stack = stack "\n" $0 }
  function finish(   i) { samples++; for (i = 1; i <= n; i++) if (stack ~ pattern[i]) hits[i]++ }
  END {
    if (inside) finish()
    if (samples == 0) { print "no samples"; exit 1 }
    for (i = 1; i <= n; i++) printf "%6.1f %%  %s\n", 100 * hits[i] / samples, label[i]
    printf "(%d samples)\n", samples
  }'

echo "-- each CPU sample once: SQLite's and OpenSSL's own code, else the first part of the request its stack shows, else the library"
perf script -i "$work/perf.data" -F comm,ip,sym,dso 2>/dev/null | awk '
  BEGIN {
    n = split("PortalSessionStore;CookieAuthenticationHandler.*HandleAuthenticate|SecureDataFormat;Antiforgery;PageActionInvoker.*InvokeHandlerMethodAsync;RazorView|ViewBuffer|HttpResponseStreamWriter;HttpProtocol|ThreadPoolWorkQueue|SocketAsyncEngine", pattern, ";")
    split("the session check (its EF Core and Microsoft.Data.Sqlite calls)|the rest of the sign-in cookie (decrypting it, the claims)|antiforgery (the form tokens and their cookie)|the page handler (its data: our stores, EF Core, Microsoft.Data.Sqlite)|Razor (the page, its partials, the layout) and writing the HTML|the rest of the request (Kestrel, routing, middleware, model binding, the thread pool)", label, "|")
    split("libe_sqlite3;libcrypto", native, ";")
    split("SQLite'"'"'s own code, whichever statement it ran (the session check'"'"'s or the page'"'"'s)|OpenSSL (the cookies'"'"' and tokens'"'"' encryption)", nativelabel, "|")
    m = split("libcoreclr|libclrjit;kernel.kallsyms", dso, ";")
    split("the .NET runtime where perf lost the managed caller (allocation helpers, stubs, casts, garbage collection, JIT)|the kernel where perf lost the managed caller (network, scheduling)", dsolabel, "|")
  }
  /^[^ \t]/ { if (inside) finish(); inside = 1; stack = ""; leaf = ""; next }
  /^$/ { if (inside) finish(); inside = 0; next }
  { if (leaf == "") leaf = $NF; stack = stack "\n" $0 }
  function finish(   i) {
    samples++
    for (i = 1; i <= 2; i++) if (leaf ~ native[i]) { nativehits[i]++; return }
    for (i = 1; i <= n; i++) if (stack ~ pattern[i]) { hits[i]++; return }
    for (i = 1; i <= m; i++) if (leaf ~ dso[i]) { dsohits[i]++; return }
    other++
  }
  END {
    if (inside) finish()
    if (samples == 0) { print "no samples"; exit 1 }
    for (i = 1; i <= 2; i++) printf "%6.1f %%  %s\n", 100 * nativehits[i] / samples, nativelabel[i]
    for (i = 1; i <= n; i++) printf "%6.1f %%  %s\n", 100 * hits[i] / samples, label[i]
    for (i = 1; i <= m; i++) printf "%6.1f %%  %s\n", 100 * dsohits[i] / samples, dsolabel[i]
    printf "%6.1f %%  anything else (managed code outside the parts above, libc and threads with no managed frame)\n", 100 * other / samples
    printf "(%d samples)\n", samples
  }'

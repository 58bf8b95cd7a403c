#!/usr/bin/env bash
# CustomerPortal in one command. run.ps1 is its line-for-line twin: change both together.
#   ./run.sh [--port N] [--data-dir DIR] [--profile PATH] [--reseed]   run the portal on the SQLite mirror
#   ./run.sh test                                                      build and run every test
set -euo pipefail
cd "$(dirname "$0")"

port=5080
data_dir="$PWD/data"
profile="$PWD/seed/demo.json"
reseed=false
verb=run

while [ $# -gt 0 ]; do
  case "$1" in
    test) verb=test; shift ;;
    --port) port="$2"; shift 2 ;;
    --data-dir) data_dir="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --profile) profile="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --reseed) reseed=true; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done

if [ "$verb" = test ]; then
  dotnet build CustomerPortal.sln -c Release -nologo -clp:ErrorsOnly
  log="$(mktemp)"
  status=0
  dotnet test CustomerPortal.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?
  # One closing line for every test assembly together: "N passed, N failed, N skipped".
  grep -E '^(Passed|Failed)!' "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' \
    | awk '{ f += $1; p += $2; s += $3 } END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
  rm -f "$log"
  exit "$status"
fi

dotnet build src/CustomerPortal.Web -c Release -nologo -clp:ErrorsOnly
dotnet build src/CustomerPortal.Seed -c Release -nologo -clp:ErrorsOnly
seed="src/CustomerPortal.Seed/bin/Release/net10.0/CustomerPortal.Seed.dll"

if [ "$reseed" = true ] || [ ! -f "$data_dir/mirror.db" ] || [ ! -f "$data_dir/portal.db" ]; then
  dotnet "$seed" --profile "$profile" --data-dir "$data_dir" --force
fi

echo "Customer portal: http://localhost:$port (data in $data_dir, Ctrl+C to stop); the demo sign-ins follow once it listens"
exec dotnet src/CustomerPortal.Web/bin/Release/net10.0/CustomerPortal.Web.dll --contentRoot "$PWD/src/CustomerPortal.Web" \
  --urls "http://localhost:$port" --Portal:DataDirectory="$data_dir" --Portal:DemoMode=true --DataSource:Provider=Sqlite

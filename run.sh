#!/usr/bin/env bash
# CustomerPortal in one command. run.ps1 is its line-for-line twin: change both together.
#   ./run.sh [--port N] [--data-dir DIR] [--profile PATH] [--reseed]   run the portal on the SQLite mirror
#   ./run.sh --dataverse-emulator [--emulator-port N] [...]            the same in Dataverse mode, against the local Web API emulator
#   ./run.sh test                                                      build and run every test
#   ./run.sh create-admin --email ADDRESS [--data-dir DIR]             going live: create the portal store and its first administrator
#   ./run.sh remove-demo-users [--data-dir DIR]                        delete the users that still have a published demo password
set -euo pipefail
cd "$(dirname "$0")"

port=5080
data_dir="$PWD/data"
profile="$PWD/seed/demo.json"
reseed=false
emulator=false
emulator_port=5443
verb=run
email=

while [ $# -gt 0 ]; do
  case "$1" in
    test) verb=test; shift ;;
    --port) port="$2"; shift 2 ;;
    --data-dir) data_dir="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --profile) profile="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    --reseed) reseed=true; shift ;;
    --dataverse-emulator) emulator=true; shift ;;
    --emulator-port) emulator_port="$2"; shift 2 ;;
    create-admin|remove-demo-users) verb="$1"; shift ;;
    --email) email="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
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
if [ "$verb" != run ]; then
  # The portal's own maintenance verbs (the password comes from PORTAL_ADMIN_PASSWORD or standard input, never an argument).
  exec dotnet src/CustomerPortal.Web/bin/Release/net10.0/CustomerPortal.Web.dll "$verb" ${email:+--email "$email"} --Portal:DataDirectory="$data_dir"
fi
dotnet build src/CustomerPortal.Seed -c Release -nologo -clp:ErrorsOnly
seed="src/CustomerPortal.Seed/bin/Release/net10.0/CustomerPortal.Seed.dll"

if [ "$reseed" = true ] || [ ! -f "$data_dir/mirror.db" ] || [ ! -f "$data_dir/portal.db" ]; then
  dotnet "$seed" --profile "$profile" --data-dir "$data_dir" --force
  # The demo's example brand (README, Branding): branding.json, the logo and favicon, the public pages.
  cp -R seed/brand/. "$data_dir/"
fi

provider=(--DataSource:Provider=Sqlite)
if [ "$emulator" = true ]; then
  # The emulator serves the seeded mirror over https://localhost:5443 (--emulator-port) with a self-signed
  # certificate the portal trusts by its pinned SHA-256 thumbprint only; it stops when this script exits.
  dotnet build src/CustomerPortal.DataverseEmulator -c Release -nologo -clp:ErrorsOnly
  dotnet src/CustomerPortal.DataverseEmulator/bin/Release/net10.0/CustomerPortal.DataverseEmulator.dll \
    --urls "https://localhost:$emulator_port" --Emulator:MirrorPath="$data_dir/mirror.db" --Logging:LogLevel:Default=Warning &
  emulator_pid=$!
  trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 1 300); do [ -f "$data_dir/emulator-cert.sha256" ] && (exec 3<>"/dev/tcp/127.0.0.1/$emulator_port") 2>/dev/null && break; sleep 0.2; done
  provider=(--DataSource:Provider=Dataverse
    "--DataSource:Dataverse:ConnectionString=AuthType=ClientSecret;Url=https://localhost:$emulator_port;ClientId=00000000-0000-0000-0000-00000000c001;ClientSecret=emulator-secret"
    "--DataSource:Dataverse:Authority=https://localhost:$emulator_port/00000000-0000-0000-0000-00000000e001"
    "--DataSource:Dataverse:TrustedCertificateThumbprint=$(tr -d '[:space:]' < "$data_dir/emulator-cert.sha256")")
fi

echo "Customer portal: http://localhost:$port (data in $data_dir, Ctrl+C to stop); the demo sign-ins follow once it listens"
dotnet src/CustomerPortal.Web/bin/Release/net10.0/CustomerPortal.Web.dll --contentRoot "$PWD/src/CustomerPortal.Web" \
  --urls "http://localhost:$port" --Portal:DataDirectory="$data_dir" --Portal:DemoMode=true "${provider[@]}"

#!/usr/bin/env pwsh
# CustomerPortal in one command. run.sh is its line-for-line twin: change both together.
#   ./run.ps1 [--port N] [--data-dir DIR] [--profile PATH] [--reseed]   run the portal on the SQLite mirror
#   ./run.ps1 --dataverse-emulator [--emulator-port N] [...]            the same in Dataverse mode, against the local Web API emulator
#   ./run.ps1 test                                                      build and run every test
#   ./run.ps1 create-admin --email ADDRESS [--data-dir DIR]             going live: create the portal store and its first administrator
#   ./run.ps1 remove-demo-users [--data-dir DIR]                        delete the users that still have a published demo password
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

$port = 5080
$dataDir = Join-Path $PWD 'data'
$profilePath = Join-Path $PWD 'seed/demo.json'
$reseed = $false
$emulator = $false
$emulatorPort = 5443
$verb = 'run'
$email = ''

for ($i = 0; $i -lt $args.Count; $i++) {
  switch -CaseSensitive ($args[$i]) {
    'test' { $verb = 'test' }
    '--port' { $port = $args[++$i] }
    '--data-dir' { $dataDir = (New-Item -ItemType Directory -Force -Path $args[++$i]).FullName }
    '--profile' { $profilePath = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[++$i]) }
    '--reseed' { $reseed = $true }
    '--dataverse-emulator' { $emulator = $true }
    '--emulator-port' { $emulatorPort = $args[++$i] }
    { $_ -cin 'create-admin', 'remove-demo-users' } { $verb = $args[$i] }
    '--email' { $email = $args[++$i] }
    { $_ -cin '-h', '--help' } { Get-Content $PSCommandPath | Select-Object -Skip 1 -First 6; exit 0 }
    default { [Console]::Error.WriteLine("run.ps1: unknown argument '$($args[$i])' (try --help)"); exit 2 }
  }
}

if ($verb -eq 'test') {
  dotnet build CustomerPortal.sln -c Release -nologo -clp:ErrorsOnly; if ($LASTEXITCODE) { exit $LASTEXITCODE }
  $log = New-TemporaryFile
  $status = 0; $ErrorActionPreference = 'Continue' # Windows PowerShell 5.1 would stop at the first line dotnet test writes to stderr
  dotnet test CustomerPortal.sln -c Release --no-build -nologo 2>&1 | Tee-Object -FilePath $log; $status = $LASTEXITCODE
  # One closing line for every test assembly together: "N passed, N failed, N skipped".
  $totals = Select-String -Path $log -Pattern '^(Passed|Failed)!.*Failed: *(\d+), Passed: *(\d+), Skipped: *(\d+)' | ForEach-Object { , $_.Matches[0].Groups }
  '{0} passed, {1} failed, {2} skipped' -f ($totals | ForEach-Object { [int]$_[3].Value } | Measure-Object -Sum).Sum, ($totals | ForEach-Object { [int]$_[2].Value } | Measure-Object -Sum).Sum, ($totals | ForEach-Object { [int]$_[4].Value } | Measure-Object -Sum).Sum
  Remove-Item $log
  exit $status
}

dotnet build src/CustomerPortal.Web -c Release -nologo -clp:ErrorsOnly; if ($LASTEXITCODE) { exit $LASTEXITCODE }
if ($verb -cne 'run') {
  # The portal's own maintenance verbs (the password comes from PORTAL_ADMIN_PASSWORD or standard input, never an argument).
  dotnet src/CustomerPortal.Web/bin/Release/net10.0/CustomerPortal.Web.dll $verb $(if ($email) { '--email', $email }) --Portal:DataDirectory="$dataDir"; exit $LASTEXITCODE
}
dotnet build src/CustomerPortal.Seed -c Release -nologo -clp:ErrorsOnly; if ($LASTEXITCODE) { exit $LASTEXITCODE }
$seed = 'src/CustomerPortal.Seed/bin/Release/net10.0/CustomerPortal.Seed.dll'

if ($reseed -or -not (Test-Path "$dataDir/mirror.db") -or -not (Test-Path "$dataDir/portal.db")) {
  dotnet $seed --profile $profilePath --data-dir $dataDir --force; if ($LASTEXITCODE) { exit $LASTEXITCODE }
  # The demo's example brand (README, Branding): branding.json, the logo and favicon, the public pages.
  Copy-Item -Path seed/brand/* -Destination $dataDir -Recurse -Force
}

$provider = @('--DataSource:Provider=Sqlite')
if ($emulator) {
  # The emulator serves the seeded mirror over https://localhost:5443 (--emulator-port) with a self-signed
  # certificate the portal trusts by its pinned SHA-256 thumbprint only; it stops when this script exits.
  dotnet build src/CustomerPortal.DataverseEmulator -c Release -nologo -clp:ErrorsOnly; if ($LASTEXITCODE) { exit $LASTEXITCODE }
  $emulatorProcess = Start-Process dotnet -PassThru -NoNewWindow -ArgumentList @('src/CustomerPortal.DataverseEmulator/bin/Release/net10.0/CustomerPortal.DataverseEmulator.dll',
    '--urls', "https://localhost:$emulatorPort", "`"--Emulator:MirrorPath=$dataDir/mirror.db`"", '--Logging:LogLevel:Default=Warning')
  $emulatorId = $emulatorProcess.Id
  trap { Stop-Process -Id $emulatorId -ErrorAction SilentlyContinue; break }
  for ($n = 0; $n -lt 300 -and -not ((Test-Path "$dataDir/emulator-cert.sha256") -and $(try { $tcp = [Net.Sockets.TcpClient]::new(); $tcp.ConnectAsync('127.0.0.1', $emulatorPort).Wait(1000) } catch { $false } finally { $tcp.Dispose() })); $n++) { Start-Sleep -Milliseconds 200 }
  $provider = @('--DataSource:Provider=Dataverse',
    "--DataSource:Dataverse:ConnectionString=AuthType=ClientSecret;Url=https://localhost:$emulatorPort;ClientId=00000000-0000-0000-0000-00000000c001;ClientSecret=emulator-secret",
    "--DataSource:Dataverse:Authority=https://localhost:$emulatorPort/00000000-0000-0000-0000-00000000e001",
    "--DataSource:Dataverse:TrustedCertificateThumbprint=$((Get-Content "$dataDir/emulator-cert.sha256").Trim())")
}

Write-Output "Customer portal: http://localhost:$port (data in $dataDir, Ctrl+C to stop); the demo sign-ins follow once it listens"
try { dotnet src/CustomerPortal.Web/bin/Release/net10.0/CustomerPortal.Web.dll --contentRoot "$PWD/src/CustomerPortal.Web" `
  --urls "http://localhost:$port" --Portal:DataDirectory="$dataDir" --Portal:DemoMode=true @provider } finally { if ($emulatorProcess) { Stop-Process -Id $emulatorId -ErrorAction SilentlyContinue } }

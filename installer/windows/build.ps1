# Build the Windows installer on a Windows build machine (or the GitHub Actions runner):
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs Python 3.11 (py launcher or python on PATH) and NSIS 3 (makensis on PATH or in
# "C:\Program Files (x86)\NSIS"). Result: dist\VrijwilligersregisterHelmond-setup-VERSION.exe
# Uses the same requirements.lock and PyInstaller spec as the Linux build.
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

function Invoke-Checked([string]$exe, [string[]]$arguments) {
    & $exe @arguments
    if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') stopte met code $LASTEXITCODE" }
}

# 1. A clean build environment with the locked versions.
$venv = Join-Path $root ".venv-build"
if (Test-Path $venv) { Remove-Item -Recurse -Force $venv }
$python = if (Get-Command py -ErrorAction SilentlyContinue) { "py" } else { "python" }
$pyArgs = if ($python -eq "py") { @("-3.11", "-m", "venv", $venv) } else { @("-m", "venv", $venv) }
Invoke-Checked $python $pyArgs
$vpy = Join-Path $venv "Scripts\python.exe"
Invoke-Checked $vpy @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $vpy @("-m", "pip", "install", "-q", "-r", "requirements.lock")
Invoke-Checked $vpy @("-m", "pip", "install", "-q", "--no-deps", "-e", ".")

# 2. The one-folder bundle (two .exe: the window without console, vrijwilligers-app.exe with).
$version = & $vpy -c "import vrijwilligers_app; print(vrijwilligers_app.__version__)"
Invoke-Checked $vpy @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\vrijwilligers-app.spec")
$bundle = Join-Path $root "dist\vrijwilligers-app"

# 3. Smoke test of the frozen program before packing it.
$data = Join-Path $env:TEMP "vrijwilligers smoke Zoë"
if (Test-Path $data) { Remove-Item -Recurse -Force $data }
$cli = Join-Path $bundle "vrijwilligers-app.exe"
Invoke-Checked $cli @("--version")
Invoke-Checked $cli @("demo", "--data-dir", $data)
Invoke-Checked $cli @("check", "--data-dir", $data)
$env:QT_QPA_PLATFORM = "offscreen"
Invoke-Checked $cli @("--data-dir", $data, "--smoke-test")
Remove-Item Env:\QT_QPA_PLATFORM
Remove-Item -Recurse -Force $data

# 4. The installer.
$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
$outfile = Join-Path $root "dist\VrijwilligersregisterHelmond-setup-$version.exe"
Invoke-Checked $makensis @("/WX", "/DVERSION=$version", "/DPAYLOAD=$bundle", "/DOUTFILE=$outfile",
    "installer\windows\vrijwilligers.nsi")
$sizeMb = [math]::Round((Get-Item $outfile).Length / 1MB, 1)
$folderMb = [math]::Round(((Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum) / 1MB, 1)
Write-Host "Installatiebestand: $outfile ($sizeMb MB); bundel $folderMb MB"

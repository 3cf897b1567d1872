# Builds the Windows installer: the PyInstaller bundle, then Inno Setup with the project's version.
# Run from the repository root in a virtualenv with: pip install -e ".[build]"
$ErrorActionPreference = "Stop"
$version = (Select-String -Path pyproject.toml -Pattern '^version = "(.+)"').Matches[0].Groups[1].Value
python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller installer\stakewatch.spec
& "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" "/DAppVersion=$version" installer\windows\stakewatch.iss
Write-Host "built dist\stakewatch-$version-windows-setup.exe"

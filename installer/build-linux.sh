#!/usr/bin/env bash
# Builds the Linux one-folder bundle with PyInstaller and packs it as a tarball with desktop integration:
#   dist/stakewatch-VERSION-linux-ARCH.tar.gz  (unpack, then run ./install.sh for a per-user install)
# Needs the project installed with its build extra: pip install -e ".[build]".
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-.venv/bin/python}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)
arch=$(uname -m)
"$python" -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller installer/stakewatch.spec

bundle=dist/stakewatch
mkdir -p "$bundle/share/applications" "$bundle/share/metainfo" "$bundle/share/autostart"
cp installer/linux/org.stakewatch.Stakewatch.desktop "$bundle/share/applications/"
cp installer/linux/org.stakewatch.Stakewatch.metainfo.xml "$bundle/share/metainfo/"
cp installer/linux/stakewatch-autostart.desktop "$bundle/share/autostart/stakewatch.desktop"
for size in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$bundle/share/icons/hicolor/${size}x${size}/apps"
    cp "installer/icons/stakewatch-${size}.png" "$bundle/share/icons/hicolor/${size}x${size}/apps/stakewatch.png"
done
mkdir -p "$bundle/share/icons/hicolor/scalable/apps"
cp resources/icons/stakewatch.svg "$bundle/share/icons/hicolor/scalable/apps/stakewatch.svg"
cp installer/linux/install.sh "$bundle/install.sh"
chmod +x "$bundle/install.sh"

tarball="dist/stakewatch-${version}-linux-${arch}.tar.gz"
tar -C dist -czf "$tarball" stakewatch
echo "built $bundle ($(du -sh "$bundle" | cut -f1)) and $tarball ($(du -sh "$tarball" | cut -f1))"

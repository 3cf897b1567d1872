#!/usr/bin/env bash
# Per-user install of an unpacked Stakewatch bundle: no root needed.
#   ./install.sh            installs into ~/.local (program in ~/.local/lib/stakewatch)
#   ./install.sh --remove   removes it again (your data and settings stay)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data=${XDG_DATA_HOME:-$prefix/share}
if [ "${1:-}" = "--remove" ]; then
    rm -rf "$prefix/lib/stakewatch" "$prefix/bin/stakewatch" "$data/applications/org.stakewatch.Stakewatch.desktop" \
           "$data/metainfo/org.stakewatch.Stakewatch.metainfo.xml"
    find "$data/icons/hicolor" -name 'stakewatch.*' -delete 2>/dev/null || true
    echo "Stakewatch removed (data in ~/.local/share/Stakewatch kept)."
    exit 0
fi
mkdir -p "$prefix/lib" "$prefix/bin" "$data"
rm -rf "$prefix/lib/stakewatch"
cp -a "$here" "$prefix/lib/stakewatch"
ln -sf "$prefix/lib/stakewatch/stakewatch" "$prefix/bin/stakewatch"
cp -r "$here/share/applications" "$here/share/metainfo" "$here/share/icons" "$data/"
sed -i "s|^Exec=stakewatch|Exec=$prefix/bin/stakewatch|" "$data/applications/org.stakewatch.Stakewatch.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Stakewatch installed: run 'stakewatch' or find it in your applications menu."

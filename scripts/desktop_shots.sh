#!/usr/bin/env bash
# The windows as a user on a 1366x768 laptop at 125 % sees them, in English and Japanese:
# Xvfb, the openbox window manager and the dunst notification server on a private session bus.
# Needs: xvfb openbox dunst xdotool (Debian names). Writes docs/*.png and docs/*-ja.png.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$here/.venv/bin/python}"
display=":${SHOTS_DISPLAY:-97}"
exec dbus-run-session -- bash -s "$here" "$python" "$display" <<'INNER'
set -euo pipefail
here="$1"; python="$2"; display="$3"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp & xvfb=$!
trap 'kill $dunst $wm $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
openbox & wm=$!
dunst & dunst=$!
sleep 1
export QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=1.25
HOME="$(mktemp -d)" LANG=en_GB.UTF-8 LANGUAGE=en "$python" "$here/scripts/window_shots.py"
HOME="$(mktemp -d)" LANG=ja_JP.UTF-8 LANGUAGE=ja "$python" "$here/scripts/window_shots.py" --suffix=-ja
INNER

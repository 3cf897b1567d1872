"""The tray app on a real X server: time to a visible tray icon, idle memory and CPU.

Needs Xvfb, trayer and xwininfo (x11-utils).

Runs the app on the built-in default watchlist with every request sent to a
closed local proxy port (so nothing leaves this machine and every source
fails fast, as offline), next to a bare PySide6 tray icon as the peer.
Writes the figures to benchmarks/RESULTS.md.

    python benchmarks/bench_tray.py [--idle 60]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from results import write_section  # noqa: E402

BIN = Path(sys.executable).parent
DISPLAY = ""
BARE_TRAY = """
import sys
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QMenu
from PySide6.QtGui import QIcon, QPixmap, QColor
app = QApplication(sys.argv)
app.setApplicationName("BareTray")
pixmap = QPixmap(22, 22); pixmap.fill(QColor("#1f3a5f"))
tray = QSystemTrayIcon(QIcon(pixmap)); tray.setToolTip("Stakewatch"); menu = QMenu(); menu.addAction("Quit")
tray.setContextMenu(menu); tray.show()
app.exec()
"""


def tray_icon_visible(name: str) -> bool:
    """True once a window named `name` sits embedded in trayer's bar (icon-sized, top right)."""
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True,
                          env={**os.environ, "DISPLAY": DISPLAY}).stdout
    for line in tree.splitlines():
        match = re.search(rf'"{re.escape(name)}": \(.*\)\s+(\d+)x(\d+)\+-?\d+\+-?\d+\s+\+(-?\d+)\+(-?\d+)', line)
        if match and int(match.group(1)) <= 64 and int(match.group(3)) >= 1000:
            return True
    return False


def time_to_tray(command: list[str], env: dict[str, str], name: str) -> tuple[float, subprocess.Popen[bytes]]:
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.perf_counter() - started < 30:
        if tray_icon_visible(name):
            return time.perf_counter() - started, process
        time.sleep(0.02)
    process.kill()
    raise SystemExit(f"{name}: no tray icon within 30 s")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--idle", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="stakewatch-tray-"))
    helpers: list[subprocess.Popen[bytes]] = []
    env = {k: v for k, v in os.environ.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    env["QT_QPA_PLATFORM"] = "xcb"
    try:
        global DISPLAY
        xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        helpers.append(xvfb)
        assert xvfb.stdout is not None
        DISPLAY = ":" + xvfb.stdout.readline().strip()
        env["DISPLAY"] = DISPLAY
        helpers.append(subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
                                         "--height", "32", "--SetDockType", "true"], env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        time.sleep(1)
        (work / "bare.py").write_text(BARE_TRAY)
        bare_times, app_times = [], []
        for run in range(args.runs):
            seconds, bare = time_to_tray([sys.executable, str(work / "bare.py")], env, "BareTray")
            bare_times.append(seconds)
            bare_rss = rss_mb(bare.pid)
            bare.kill()
            bare.wait()
            data = work / f"data{run}"
            subprocess.run([str(BIN / "stakewatch"), "--data-dir", str(data), "settings", "fetch.proxy",
                            "http://127.0.0.1:9"], check=True, capture_output=True)
            seconds, app = time_to_tray([str(BIN / "stakewatch"), "--data-dir", str(data)], env, "Stakewatch")
            app_times.append(seconds)
            if run < args.runs - 1:
                app.terminate()
                app.wait(timeout=30)
        time.sleep(5)
        before_cpu, before = cpu_seconds(app.pid), time.monotonic()
        time.sleep(args.idle)
        idle_cpu = (cpu_seconds(app.pid) - before_cpu) / (time.monotonic() - before)
        app_rss = rss_mb(app.pid)
        app.terminate()
        app.wait(timeout=30)
    finally:
        for helper in reversed(helpers):
            helper.terminate()
            helper.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    median = sorted(app_times)[len(app_times) // 2]
    bare_median = sorted(bare_times)[len(bare_times) // 2]
    body = f"""
| measure | Stakewatch | bare PySide6 tray icon (peer) | target |
|---|---|---|---|
| start to tray icon visible (median of {args.runs}) | **{median:.2f} s** | {bare_median:.2f} s | < 1.5 s |
| resident memory, idle | **{app_rss:.0f} MB** | {bare_rss:.0f} MB | < 150 MB |
| CPU while idle over {args.idle:.0f} s | **{idle_cpu * 100:.2f}% of a core** | | < 1% |

Default watchlist (13 sources) with every request refused by a closed local
proxy port, so the sources fail fast as they would offline and back off.
Visible means the icon's window is embedded in trayer's bar under Xvfb.
"""
    write_section("Tray app", "python benchmarks/bench_tray.py", body)
    print(body)


if __name__ == "__main__":
    main()

"""What asking a child process whether Qt can open windows costs at start, against its peer.

The probe (stakewatch.platform_check.check) starts `stakewatch` again with
STAKEWATCH_QT_PROBE=1 and lets it create a QGuiApplication. The peer is the
least a probe can cost: a bare Python child that only imports QtGui and
creates the application. Needs a real X server (run under `xvfb-run -a`).
Writes the figures to benchmarks/RESULTS.md.

    xvfb-run -a python benchmarks/bench_startup_probe.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from results import write_section  # noqa: E402

PEER = "from PySide6.QtGui import QGuiApplication; QGuiApplication([])"


def timed(action) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    os.environ.pop("QT_QPA_PLATFORM", None)
    from stakewatch import platform_check

    verdicts = []
    probe = []
    for _ in range(args.runs):
        probe.append(timed(lambda: verdicts.append(platform_check.check())))
    peer = [timed(lambda: subprocess.run([sys.executable, "-c", PEER], check=True, capture_output=True))
            for _ in range(args.runs)]
    broken = dict(os.environ, DISPLAY=":87")
    failing = [timed(lambda: subprocess.run([sys.executable, "-c", PEER], env=broken, capture_output=True))
               for _ in range(max(2, args.runs // 2))]
    os.environ["DISPLAY"], saved = ":87", os.environ.get("DISPLAY", "")
    diagnosed = []
    unreachable = [timed(lambda: diagnosed.append(platform_check.check())) for _ in range(max(2, args.runs // 2))]
    os.environ["DISPLAY"] = saved
    ok = all(v.ok for v in verdicts)
    gone = f'{statistics.median(unreachable) * 1000:.0f} ms, verdict: "{diagnosed[-1].reason}"'
    body = f"""| measure | value |
|---|---|
| runs | {args.runs} |
| probe, display reachable (median) | **{statistics.median(probe) * 1000:.0f} ms** (all ok: {ok}) |
| peer: bare child creating a QGuiApplication (median) | {statistics.median(peer) * 1000:.0f} ms |
| probe overhead over the peer | {(statistics.median(probe) - statistics.median(peer)) * 1000:.0f} ms |
| probe, display :87 unreachable (median) | {gone} |
| peer child with the display unreachable (aborts) | {statistics.median(failing) * 1000:.0f} ms |

The probe is paid once per start of the app, before any window; the app
itself no longer aborts (exit 134) where the child does.
"""
    write_section("Start-up probe", "xvfb-run -a python benchmarks/bench_startup_probe.py", body)
    print(body)


if __name__ == "__main__":
    main()

"""The Linux one-folder bundle: size unpacked and packed, and start-up of `--version` against the source install.

    python benchmarks/bench_bundle.py        (builds with PyInstaller into a temporary folder)
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))

from results import write_section  # noqa: E402


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1024 / 1024


def start_time(command: list[str]) -> float:
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, timeout=60)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="stakewatch-bundle-"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
                    "--workpath", str(work / "build"), str(PROJECT / "installer" / "stakewatch.spec")],
                   check=True, capture_output=True, cwd=PROJECT)
    build_s = time.perf_counter() - started
    bundle = work / "dist" / "stakewatch"
    with tarfile.open(work / "bundle.tar.gz", "w:gz") as tar:
        tar.add(bundle, arcname="stakewatch")
    packed = (work / "bundle.tar.gz").stat().st_size / 1024 / 1024
    frozen = start_time([str(bundle / "stakewatch"), "--version"])
    source = start_time([sys.executable, "-m", "stakewatch", "--version"])
    qt = size_mb(bundle / "_internal" / "PySide6")
    body = f"""
| measure | value | target |
|---|---|---|
| one-folder bundle, unpacked | **{size_mb(bundle):.0f} MB** (Qt and PySide6: {qt:.0f} MB) | < 200 MB |
| packed as .tar.gz | {packed:.0f} MB | |
| build time (PyInstaller) | {build_s:.0f} s | |
| `stakewatch --version`, bundle | {frozen * 1000:.0f} ms | |
| `python -m stakewatch --version`, source install (peer) | {source * 1000:.0f} ms | |

The spec leaves out the GTK theme plugin (and with it GTK, Cairo and Pango), EGLFS, VNC and Linux-framebuffer
platforms, WebEngine, QML and the other Qt add-ons a tray app never uses.
"""
    write_section("Linux bundle", "python benchmarks/bench_bundle.py", body)
    print(body)


if __name__ == "__main__":
    main()

"""Can Qt open a window here? Asked in a child process, before any QApplication exists.

Qt aborts the whole process (SIGABRT, exit 134) when its platform plugin
cannot load a library or reach the display, and its own message often blames
the wrong library. So a tiny child process tries first; when it fails, the
plugin's missing libraries are named with the packages that hold them on
Debian/Ubuntu, Fedora and Arch. Main thread; never imports Qt's GUI itself.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .core.i18n import translate

PROBE_VARIABLE = "STAKEWATCH_QT_PROBE"
PROBE_SECONDS = 20.0
NO_DISPLAY_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs")

# library -> (Debian/Ubuntu, Fedora, Arch) package
PACKAGES: dict[str, tuple[str, str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb", "libx11"),
    "libX11.so.6": ("libx11-6", "libX11", "libx11"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl", "libglvnd"),
    "libGL.so.1": ("libgl1", "libglvnd-glx", "libglvnd"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl", "libglvnd"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype", "freetype2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs", "dbus"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2", "glib2"),
}
_XCB = re.compile(r"^libxcb-([a-z0-9-]+)\.so\.(\d+)$")

CANNOT_START = translate("Startup", "the desktop cannot show Stakewatch's windows: {reason}")
MISSING = translate("Startup", "Qt's display plugin needs libraries that are not installed: {libraries}")
INSTALL = translate("Startup", "Install them with one of:\n"
                               "  Debian/Ubuntu: sudo apt install {debian}\n"
                               "  Fedora:        sudo dnf install {fedora}\n"
                               "  Arch:          sudo pacman -S {arch}")
NO_DISPLAY = translate("Startup", "no display is set (DISPLAY and WAYLAND_DISPLAY are empty)")
UNREACHABLE = translate("Startup", "the display {display} cannot be reached")
TIMED_OUT = translate("Startup", "Qt did not start within {seconds} seconds")
FAILED = translate("Startup", "Qt stopped while starting ({detail})")
NO_QT = translate("Startup", "Qt (PySide6) is not installed")


@dataclass(frozen=True)
class Verdict:
    """The probe's answer: ok, or a reason in words (and install advice, if any)."""

    ok: bool
    reason: str = ""
    advice: str = ""


def packages_for(library: str) -> tuple[str, str, str]:
    """The (Debian/Ubuntu, Fedora, Arch) packages that hold a shared library."""
    if library in PACKAGES:
        return PACKAGES[library]
    match = _XCB.match(library)
    if match:
        return f"libxcb-{match.group(1)}{match.group(2)}", "libxcb", "libxcb"
    stem = library.split(".so")[0]
    return stem, stem, stem.removeprefix("lib")


def qt_plugin(name: str = "libqxcb.so") -> Path | None:
    """Where PySide6's platform plugin `name` is, without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in (Path(folder) / "Qt" / "plugins" / "platforms" / name,
                          Path(folder) / "plugins" / "platforms" / name):
            if candidate.exists():
                return candidate
    return None


def missing_libraries(plugin: Path | None) -> list[str]:
    """Shared libraries `plugin` needs that the dynamic linker cannot find (Linux, via ldd)."""
    if plugin is None:
        return []
    try:
        listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    found = [line.split("=>")[0].strip() for line in listing.splitlines() if "not found" in line]
    return list(dict.fromkeys(found))


def _platform() -> str:
    return os.environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()


def _probe_command() -> list[str]:
    """The child: the bundle itself (it answers STAKEWATCH_QT_PROBE), or Python importing only this module."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-c", "import sys; from stakewatch.platform_check import run_probe; "
                                  "sys.exit(run_probe())"]


def run_probe() -> int:
    """In the child: create the GUI application and leave. 0 when Qt could start."""
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    return 0 if app.primaryScreen() is not None else 3


def check() -> Verdict:
    """Whether Qt can open windows here, asked of a child process. Main thread; may take a second."""
    platform = _platform()
    if platform in NO_DISPLAY_PLATFORMS:
        return Verdict(True)
    if importlib.util.find_spec("PySide6") is None:
        return Verdict(False, str(CANNOT_START(reason=NO_QT())))
    linux = sys.platform.startswith("linux")
    display, wayland = os.environ.get("DISPLAY", ""), os.environ.get("WAYLAND_DISPLAY", "")
    if linux and not display and not wayland and not platform:
        return Verdict(False, str(CANNOT_START(reason=NO_DISPLAY())))
    environment = {**os.environ, PROBE_VARIABLE: "1"}
    try:
        child = subprocess.run(_probe_command(), env=environment, capture_output=True, text=True,
                               timeout=PROBE_SECONDS, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return Verdict(False, str(CANNOT_START(reason=TIMED_OUT(seconds=int(PROBE_SECONDS)))))
    if child.returncode == 0:
        return Verdict(True)
    return diagnose(child.stderr, child.returncode)


def diagnose(stderr: str, returncode: int) -> Verdict:
    """Turn a failed probe into a reason in words, naming missing packages where it can."""
    uses_xcb = sys.platform.startswith("linux") and _platform() in ("", "xcb")
    missing = missing_libraries(qt_plugin()) if uses_xcb else []
    if missing:
        packages = [packages_for(library) for library in missing]
        advice = INSTALL(debian=" ".join(dict.fromkeys(p[0] for p in packages)),
                         fedora=" ".join(dict.fromkeys(p[1] for p in packages)),
                         arch=" ".join(dict.fromkeys(p[2] for p in packages)))
        return Verdict(False, str(CANNOT_START(reason=MISSING(libraries=", ".join(missing)))), str(advice))
    if "could not connect to display" in stderr or "cannot open display" in stderr.lower():
        where = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or "?"
        return Verdict(False, str(CANNOT_START(reason=UNREACHABLE(display=where))))
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    detail = lines[-1][:200] if lines else f"exit status {returncode}"
    return Verdict(False, str(CANNOT_START(reason=FAILED(detail=detail))))

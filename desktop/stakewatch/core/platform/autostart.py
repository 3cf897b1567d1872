"""Start at login: an XDG autostart entry (Linux), the Run key (Windows), a LaunchAgent (macOS).

Any thread. `enable`/`disable` raise UserError with the reason when the system refuses.
"""

from __future__ import annotations

import os
import plistlib
import shlex
import sys
from pathlib import Path

from ..i18n import translate
from ..model import UserError
from .atomic import write_atomically
from .os_words import os_reason

TITLE = translate("Autostart", "Start at login")
NOT_ON = translate("Autostart", "could not be turned on: {error}")
NOT_OFF = translate("Autostart", "could not be turned off: {error}")

APP_ID = "org.stakewatch.Stakewatch"


def command() -> list[str]:
    """How this installation starts the app."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "stakewatch"]


def _xdg_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / "stakewatch.desktop"


def _launch_agent() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def desktop_entry(argv: list[str]) -> str:
    return ("[Desktop Entry]\nType=Application\nName=Stakewatch\n"
            "Comment=Follow officials, companies and AI products\n"
            f"Exec={shlex.join(argv)}\nIcon=stakewatch\nTerminal=false\n"
            "X-GNOME-Autostart-enabled=true\nCategories=Network;News;\n")


def is_enabled() -> bool:
    if sys.platform.startswith("win"):
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER,
                                r"Software\Microsoft\Windows\CurrentVersion\Run") as key:
                winreg.QueryValueEx(key, "Stakewatch")
            return True
        except OSError:
            return False
    if sys.platform == "darwin":
        return _launch_agent().exists()
    return _xdg_file().exists()


def enable() -> None:
    argv = command()
    try:
        if sys.platform.startswith("win"):
            import winreg

            with winreg.CreateKey(winreg.HKEY_CURRENT_USER,
                                  r"Software\Microsoft\Windows\CurrentVersion\Run") as key:
                winreg.SetValueEx(key, "Stakewatch", 0, winreg.REG_SZ,
                                  " ".join(f'"{part}"' for part in argv))
        elif sys.platform == "darwin":
            path = _launch_agent()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, plistlib.dumps({"Label": APP_ID, "ProgramArguments": argv,
                                                   "RunAtLoad": True, "ProcessType": "Interactive"}))
        else:
            path = _xdg_file()
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(path, desktop_entry(argv).encode("utf-8"))
    except OSError as exc:
        raise UserError(TITLE, NOT_ON(error=os_reason(exc))) from exc


def disable() -> None:
    try:
        if sys.platform.startswith("win"):
            import winreg

            with winreg.OpenKey(winreg.HKEY_CURRENT_USER,
                                r"Software\Microsoft\Windows\CurrentVersion\Run", 0,
                                winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, "Stakewatch")
        else:
            (_launch_agent() if sys.platform == "darwin" else _xdg_file()).unlink(missing_ok=True)
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise UserError(TITLE, NOT_OFF(error=os_reason(exc))) from exc

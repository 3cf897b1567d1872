"""Real desktop parts for tests: a private D-Bus session bus and a notification server on it."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from jeepney import DBusAddress, new_method_call
from jeepney.io.blocking import open_dbus_connection

HERE = Path(__file__).resolve().parent
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SessionBus:
    """dbus-daemon --session with no service directories, its socket in a folder of its own; killed by its
    pid, the folder removed."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="stakewatch-bus-")
        config = Path(self.dir) / "session.conf"
        config.write_text(BUS_CONFIG.replace("{folder}", self.dir))
        out = subprocess.run(["dbus-daemon", f"--config-file={config}", "--print-address=1",
                              "--print-pid=1", "--fork"], capture_output=True, text=True, check=True,
                             timeout=30).stdout.split()
        self.address, self.pid = out[0], int(out[1])

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        shutil.rmtree(self.dir, ignore_errors=True)


class NotificationServer:
    """tests/notifyserver.py on the given bus, as a child process."""

    def __init__(self, address: str, markup: bool = False) -> None:
        env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
        self.address = address
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "notifyserver.py")] + (["--markup"] if markup else []),
            stdout=subprocess.PIPE, text=True, env=env)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"

    def _call(self, method: str, signature: str = "", body: tuple[object, ...] = ()) -> tuple[object, ...]:
        conn = open_dbus_connection(self.address)
        try:
            target = DBusAddress("/org/freedesktop/Notifications", bus_name="org.freedesktop.Notifications",
                                 interface="org.stakewatch.Test")
            return tuple(conn.send_and_get_reply(new_method_call(target, method, signature, body),
                                                 timeout=10).body)
        finally:
            conn.close()

    def calls(self) -> list[dict[str, object]]:
        return json.loads(str(self._call("Calls")[0]))  # type: ignore[no-any-return]

    def wait_for_calls(self, count: int, timeout: float = 10) -> list[dict[str, object]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls()
            if len(calls) >= count:
                return calls
            time.sleep(0.05)
        return self.calls()

    def invoke(self, notification_id: int, key: str = "default") -> None:
        self._call("Invoke", "us", (notification_id, key))

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


def fake_opener(directory: Path) -> Path:
    """An `xdg-open` that records what it was asked to open; put `directory` first on PATH."""
    log = directory / "opened.txt"
    script = directory / "xdg-open"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{log}'\n")
    script.chmod(0o755)
    return log


class SecretService:
    """gnome-keyring-daemon, unlocked, on the given bus, with its files in `home`; killed by its pid."""

    def __init__(self, address: str, home: Path) -> None:
        for sub in ("data", "runtime", "config"):
            (home / sub).mkdir(parents=True, exist_ok=True)
        (home / "runtime").chmod(0o700)
        self.env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address, "HOME": str(home),
                    "XDG_DATA_HOME": str(home / "data"), "XDG_RUNTIME_DIR": str(home / "runtime"),
                    "XDG_CONFIG_HOME": str(home / "config"),
                    "PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"}
        self.process = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=self.env)
        assert self.process.stdin is not None
        self.process.stdin.write(b"test-keyring-password")
        self.process.stdin.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            probe = subprocess.run([sys.executable, "-c", "import keyring; keyring.get_password('probe', 'x')"],
                                   env=self.env, capture_output=True, timeout=30)
            if probe.returncode == 0:
                return
            time.sleep(0.2)
        raise RuntimeError("gnome-keyring-daemon did not come up: " + probe.stderr.decode()[-500:])

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

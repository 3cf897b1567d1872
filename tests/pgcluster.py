"""A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a server
that listens only on a unix socket in that folder, started and stopped by its pid.

PostgreSQL refuses to run as root: as root, the cluster's folder is given to the `postgres` user
(or `nobody`) and initdb and postgres run as that user (setpriv). The cluster's superuser makes an
administrator role that may create roles and owns the database, as a hosted PostgreSQL gives one;
the tests use that role, never the superuser.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ADMIN = "teamadmin"


def binaries() -> Path | None:
    """The folder of initdb and postgres: PG_BINDIR, then PATH, then Debian's versioned folders."""
    wanted = os.environ.get("PG_BINDIR")
    if wanted and (Path(wanted) / "initdb").exists():
        return Path(wanted)
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    return next((Path(f) for f in folders if (Path(f) / "initdb").exists()), None)


def _runner() -> list[str]:
    """How to run the server's programs: as ourselves, or as an unprivileged user when we are root."""
    if os.getuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]
    raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")


def _owner() -> tuple[int, int] | None:
    if os.getuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
            return user.pw_uid, user.pw_gid
        except KeyError:
            continue
    return None


class Cluster:
    """One PostgreSQL server in its own folder. `url(db, user)` speaks to it over the socket."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="swpg-"))
        self.data = self.folder / "data"
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 5432
        self._databases = 0

    def _chown(self, *paths: Path) -> None:
        owner = _owner()
        if owner is not None:
            for path in paths:
                os.chown(path, *owner)

    def start(self) -> Cluster:
        self.folder.chmod(0o755)
        self._chown(self.folder)
        runner = _runner()
        locale = "C.UTF-8"
        subprocess.run([*runner, str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres",
                        "--auth=trust", "-E", "UTF8", f"--locale={locale}", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        log = open(self.folder / "server.log", "wb")  # noqa: SIM115 - kept open for the server's life
        self._chown(self.folder / "server.log")
        self.process = subprocess.Popen(
            [*runner, str(self.bindir / "postgres"), "-D", str(self.data), "-k", str(self.folder),
             "-c", "listen_addresses=", "-c", f"port={self.port}", "-c", "fsync=off",
             "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200",
             "-c", "shared_buffers=64MB"],
            stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + 60
        while not (self.folder / f".s.PGSQL.{self.port}").exists():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("PostgreSQL did not start: "
                                   + (self.folder / "server.log").read_text(errors="replace")[-2000:])
            time.sleep(0.05)
        self._ready(deadline)
        self.superuser(f"CREATE ROLE {ADMIN} LOGIN CREATEROLE PASSWORD 'admin-secret'")
        return self

    def _ready(self, deadline: float) -> None:
        import psycopg

        while True:
            try:
                psycopg.connect(self.url("postgres", "postgres")).close()
                return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def url(self, database: str, user: str = ADMIN, password: str | None = None) -> str:
        secret = f":{quote(password, safe='')}" if password else ""
        return f"postgresql://{user}{secret}@/{database}?host={quote(str(self.folder), safe='')}&port={self.port}"

    def superuser(self, sql: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.url(database, "postgres"), autocommit=True) as conn:
            conn.execute(sql.encode())

    def new_database(self) -> str:
        """A fresh, empty database owned by the administrator role; its libpq URI (as that role)."""
        self._databases += 1
        name = f"team{self._databases}_{os.getpid()}"
        self.superuser(f"CREATE DATABASE {name} OWNER {ADMIN} TEMPLATE template0 ENCODING 'UTF8' "
                       f"LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'")
        self.superuser(f"REVOKE ALL ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO {ADMIN}", name)
        return self.url(name)

    def stop(self) -> None:
        """Fast shutdown by pid, killed if it lingers; the folder removed."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)

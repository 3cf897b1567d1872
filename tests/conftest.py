"""Shared fixtures: loopback feed servers, data dirs, the CLI in-process."""

from __future__ import annotations

import io
import ipaddress
import os
import socket
import sys
import tempfile
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from feedworld import WorldServer  # noqa: E402
from stakewatch.cli.main import main  # noqa: E402
from stakewatch.core.store.database import Store, open_store  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
# the shared corpus sits beside the project, or beside the folder that holds a checkout's worktrees
CORPUS = next((folder / "shared" / "corpus" / "feedparser" for folder in PROJECT.parents
               if (folder / "shared" / "corpus" / "feedparser").is_dir()),
              PROJECT.parent / "shared" / "corpus" / "feedparser")


def corpus_missing() -> str | None:
    """Why the corpus tests cannot run here (the folder, relative to the repository), or None."""
    if CORPUS.is_dir() and any(CORPUS.iterdir()):
        return None
    where = os.path.relpath(CORPUS, PROJECT)
    return (f"the shared feed corpus is missing: expected the folder {where} (relative to the repository; "
            f"it sits beside the checkout as shared/corpus/feedparser)")

# Nothing in the tests may reach past loopback, even through a proxy from the environment.
for _name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
    os.environ.pop(_name, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
# The suite speaks English whatever the machine's locale; a test that wants Japanese says so.
for _name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "en_US.UTF-8"
# Widgets render without a display; a test that needs a real X server says so.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

QT_APP = pytest.StashKey[object]()
_LOOPBACK_NAMES = {"localhost", "localhost.", ""}
_PAST_LOOPBACK: list[str] = []


def _is_loopback(host: object) -> bool:
    if host is None or (isinstance(host, str) and host.lower() in _LOOPBACK_NAMES):
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


_RESERVED = (".example", ".invalid", ".test", ".localhost")


def _stay_on_loopback(event: str, args: tuple[object, ...]) -> None:
    """No test reaches past 127.0.0.1: a name lookup or a connection elsewhere fails as if offline, and
    the test that tried fails too (see `_nothing_left_loopback`), unless the name is reserved for examples
    (RFC 2606) or the test is marked `offline` (its items link to real sites it never needs)."""
    if event == "socket.getaddrinfo" and not _is_loopback(args[0]):
        name = args[0].decode("ascii", "replace") if isinstance(args[0], bytes) else str(args[0])
        if not name.lower().rstrip(".").endswith(_RESERVED):
            _PAST_LOOPBACK.append(f"looked up {name!r}")
        raise socket.gaierror(socket.EAI_NONAME, "tests stay on loopback")
    if event == "socket.connect":
        address = args[1]
        if isinstance(address, tuple) and not _is_loopback(address[0]):
            _PAST_LOOPBACK.append(f"connected to {address[0]!r}")
            raise OSError(101, "tests stay on loopback")


sys.addaudithook(_stay_on_loopback)


@pytest.fixture(autouse=True)
def _nothing_left_loopback(request: pytest.FixtureRequest) -> Iterator[None]:
    _PAST_LOOPBACK.clear()
    yield
    tried, _PAST_LOOPBACK[:] = list(_PAST_LOOPBACK), []
    if request.node.get_closest_marker("offline") is None:
        assert not tried, f"this test reached past loopback: {tried}"


def pytest_collection_finish(session: pytest.Session) -> None:
    """One QApplication for the whole run, made before any test: a briefing written in-process would
    otherwise leave a bare QGuiApplication behind, on which no later widget test could run."""
    if any(item.nodeid.startswith("tests/qt/") or {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ()))
           for item in session.items):
        from PySide6.QtWidgets import QApplication

        session.config.stash[QT_APP] = QApplication.instance() or QApplication([sys.argv[0]])


@pytest.fixture
def world() -> Iterator[WorldServer]:
    server = WorldServer().start()
    yield server
    server.stop()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


# Test modules whose `store` runs on both engines: the desk's SQLite file and a team's PostgreSQL.
BOTH_ENGINES = {"test_store", "test_export_rows", "test_outbox", "test_pages", "test_story_page", "test_team",
                "test_diet", "test_hostile_channels", "test_hostile_items", "test_hostile_stories",
                "test_logs_retention", "test_more_sources", "test_service", "test_settings", "test_stories_world",
                "test_press_pages", "test_aliases", "test_aliases_and_authors", "test_discovery_more",
                "test_hostile_pdf", "test_hostile_secrets", "test_hostile_transfer"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames and metafunc.module.__name__.rsplit(".", 1)[-1] in BOTH_ENGINES \
            and metafunc.definition.get_closest_marker("sqlite_only") is None:
        metafunc.parametrize("engine", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for the whole run (see pgcluster.py); skipped only where no
    PostgreSQL binaries exist (CI installs them: scripts/apt-packages.txt)."""
    from pgcluster import Cluster, binaries

    found = binaries()
    if found is None:
        pytest.skip("no PostgreSQL binaries here (initdb, postgres): install the Debian package postgresql")
    cluster = Cluster(found).start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: object) -> str:
    """A team database made once (schema and roles), copied for each test that wants one."""

    url = pg_cluster.new_database()  # type: ignore[attr-defined]
    with Store(Path(tempfile.mkdtemp()) / "stakewatch.db", url, create=True):
        pass
    return url.split("@/", 1)[1].split("?", 1)[0]


@pytest.fixture
def pg_url(pg_cluster: object, pg_template: str) -> str:
    """A fresh team database, schema made, owned by the administrator role: its URI."""
    from pgcluster import ADMIN

    pg_cluster._databases += 1  # type: ignore[attr-defined]
    name = f"t{pg_cluster._databases}_{os.getpid()}"  # type: ignore[attr-defined]
    pg_cluster.superuser(f"CREATE DATABASE {name} OWNER {ADMIN} TEMPLATE {pg_template}")  # type: ignore[attr-defined]
    return str(pg_cluster.url(name))  # type: ignore[attr-defined]


@pytest.fixture
def store(data_dir: Path, engine: str, request: pytest.FixtureRequest,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    if engine == "postgresql":
        url = request.getfixturevalue("pg_url")
        monkeypatch.setenv("STAKEWATCH_SERVER", url)  # child processes of the test open the same database
        with Store(data_dir / "stakewatch.db", url) as opened:
            opened.serving = True  # the store suite polls as the team's poller does
            yield opened
        return
    with open_store(data_dir) as opened:
        yield opened


class CliResult:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err


def run_cli(data_dir: Path, *args: str) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(["--data-dir", str(data_dir), *args])
        except SystemExit as exc:
            code = int(exc.code or 0)
    return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def session_bus() -> Iterator[str]:
    """A private session bus for the whole run; DBUS_SESSION_BUS_ADDRESS points at it."""
    from desktopbus import SessionBus

    bus = SessionBus()
    previous = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = bus.address
    yield bus.address
    bus.stop()
    if previous is None:
        os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
    else:
        os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous


@pytest.fixture
def notification_server(session_bus: str) -> Iterator[object]:
    from desktopbus import NotificationServer

    server = NotificationServer(session_bus)
    yield server
    server.stop()


@pytest.fixture
def opened_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Links the app opens land in this file instead of a browser."""
    from desktopbus import fake_opener

    bindir = tmp_path / "bin"
    bindir.mkdir()
    log = fake_opener(bindir)
    monkeypatch.setenv("PATH", f"{bindir}{os.pathsep}{os.environ['PATH']}")
    return log


@pytest.fixture
def secret_service(session_bus: str, tmp_path: Path) -> Iterator[object]:
    """A real Secret Service (gnome-keyring) on the private bus; `.env` is what clients need."""
    from desktopbus import SecretService

    service = SecretService(session_bus, tmp_path / "keyring-home")
    yield service
    service.stop()

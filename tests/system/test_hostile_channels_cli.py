"""`poll --once --notify` returns whatever a channel's service does: a receiver that drips its answer is
cut off at the send deadline (a setting), the poll exits 0 and says what failed."""

from __future__ import annotations

from pathlib import Path

from receivers import DripReceiver
from test_channels import cli, world_with_one_fresh_statement

from feedworld import WorldServer


def test_poll_once_notify_returns_with_a_dripping_receiver(secret_service, world: WorldServer, tmp_path: Path):
    env = secret_service.env
    data = tmp_path / "data"
    drip = DripReceiver().start()
    try:
        assert cli(data, env, "import", str(world_with_one_fresh_statement(world, tmp_path, old=2))).returncode == 0
        assert cli(data, env, "channel", "add", "slow", stdin=drip.url("/hook") + "\n").returncode == 0
        assert cli(data, env, "settings", "channels.send_deadline", "5").returncode == 0
        polled = cli(data, env, "poll", "--once", "--notify", timeout=90)
        assert polled.returncode == 0, polled.stderr
        assert "Channel messages sent: 0, failed: 1." in polled.stdout, polled.stdout
        assert drip.requests == ["/hook"]
        listed = cli(data, env, "channel", "list")
        assert "did not finish answering within 5 s" in listed.stdout, listed.stdout
    finally:
        drip.stop()

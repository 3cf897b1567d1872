"""A freedesktop notification server for tests, run as its own process on a private bus.

Owns org.freedesktop.Notifications, records every Notify call, and offers two
test-only methods on org.stakewatch.Test: Calls() -> s (JSON of the recorded
calls) and Invoke(u id, s key), which emits ActionInvoked from this, the name
owner, to the connection that sent that Notify, as real servers do.

    python tests/notifyserver.py [--markup]   (prints "ready" once the name is owned)
"""

from __future__ import annotations

import json
import sys

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


def main() -> None:
    markup = "--markup" in sys.argv
    conn = open_dbus_connection(bus="SESSION")
    reply = conn.send_and_get_reply(message_bus.RequestName(NAME, 4))
    if reply.body[0] != 1:
        raise SystemExit(f"could not own {NAME}: {reply.body}")
    emitter = DBusAddress(PATH, interface=NAME)
    calls: list[dict[str, object]] = []
    next_id = 1
    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member = msg.header.fields.get(HeaderFields.member)
        sender = msg.header.fields.get(HeaderFields.sender)
        if member == "Notify":
            app, replaces, icon, summary, body, actions, hints, timeout = msg.body
            calls.append({"id": next_id, "sender": sender, "app": app, "replaces_id": replaces,
                          "icon": icon, "summary": summary, "body": body, "actions": list(actions),
                          "hints": {k: v[1] for k, v in hints.items()}, "timeout": timeout,
                          "signature": msg.header.fields.get(HeaderFields.signature)})
            conn.send(new_method_return(msg, "u", (next_id,)))
            next_id += 1
        elif member == "GetCapabilities":
            caps = ["actions", "body"] + (["body-markup"] if markup else [])
            conn.send(new_method_return(msg, "as", (caps,)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(msg, "ssss", ("testserver", "stakewatch", "1", "1.2")))
        elif member == "CloseNotification":
            conn.send(new_method_return(msg))
        elif member == "Calls":
            conn.send(new_method_return(msg, "s", (json.dumps(calls),)))
        elif member == "Invoke":
            notification_id, key = msg.body
            target = next((c["sender"] for c in calls if c["id"] == notification_id), None)
            signal = new_signal(emitter, "ActionInvoked", "us", (notification_id, key))
            if target:
                signal.header.fields[HeaderFields.destination] = target
            conn.send(signal)
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),)))


if __name__ == "__main__":
    main()

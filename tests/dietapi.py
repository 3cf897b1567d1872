"""A loopback server answering like the Diet speech search API (/api/speech, recordPacking=json).

It filters by `speaker` (space-separated names, any of them, in part as the API does), `any` and `from`, pages by
`startRecord`/`maximumRecords` (at most `page_size` per answer, so tests see several pages) and
answers bad parameters the way the API does: a JSON object with `message` and `details`. The records' links
(`speechURL`, `meetingURL`, `pdfURL`) are written for the real site and answered with the server's own address,
where a plain page stands for each record, so archiving a statement page never leaves loopback.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SITE = "https://kokkai.ndl.go.jp"


def speech(number: int, speaker: str, text: str, *, date: str = "2025-10-15", meeting: str = "内閣委員会",
           house: str = "衆議院", position: str = "", group: str = "", role: str = "", issue: str = "第3号",
           yomi: str = "") -> dict[str, Any]:
    issue_id = f"121904889X003{date.replace('-', '')}"
    return {
        "speechID": f"{issue_id}_{number:03d}", "issueID": issue_id, "imageKind": "会議録",
        "searchObject": number, "session": 219, "nameOfHouse": house, "nameOfMeeting": meeting,
        "issue": issue, "date": date, "closing": None, "speechOrder": number, "speaker": speaker,
        "speakerYomi": yomi or None, "speakerGroup": group or None, "speakerPosition": position or None,
        "speakerRole": role or None, "speech": text, "startPage": 1,
        "speechURL": f"{SITE}/txt/{issue_id}/{number}",
        "meetingURL": f"{SITE}/txt/{issue_id}/0",
        "pdfURL": f"{SITE}/img/{issue_id}",
    }


@dataclass
class DietState:
    speeches: list[dict[str, Any]] = field(default_factory=list)
    page_size: int = 2
    queries: list[dict[str, str]] = field(default_factory=list)
    fail_status: int | None = None
    fail_after: int = 0
    filter_speakers: bool = True


class _Handler(BaseHTTPRequestHandler):
    server: DietServer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        state = self.server.state
        if parts.path.startswith(("/txt/", "/img/")):
            page = f"<html><body><p>会議録 {parts.path}</p></body></html>".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=UTF-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)
            return
        state.queries.append(query)
        if parts.path != "/api/speech":
            self._send(404, {"message": "not found"})
            return
        if state.fail_status is not None and len(state.queries) > state.fail_after:
            self._send(state.fail_status, {"message": "検索処理でエラーが発生しました。", "details": []})
            return
        try:
            maximum = int(query.get("maximumRecords", "30"))
            start = int(query.get("startRecord", "1"))
        except ValueError:
            self._send(400, {"message": "検索条件の指定に誤りがあります。", "details": ["startRecord"]})
            return
        if not 1 <= maximum <= 100 or start < 1 or query.get("recordPacking") != "json":
            self._send(200, {"message": "検索条件の指定に誤りがあります。",
                             "details": ["最大取得件数は1～100の範囲で指定してください。"]})
            return
        names = query.get("speaker", "").split()
        found = [s for s in state.speeches
                 if (not names or not state.filter_speakers or any(n in s["speaker"] for n in names))
                 and (not query.get("any") or query["any"] in s["speech"])
                 and s["date"] >= query.get("from", "0000")]
        size = min(maximum, state.page_size)
        chunk = found[start - 1:start - 1 + size]
        answer: dict[str, Any] = {"numberOfRecords": len(found), "numberOfReturn": len(chunk), "startRecord": start}
        if start - 1 + size < len(found):
            answer["nextRecordPosition"] = start + size
        if chunk:
            answer["speechRecord"] = chunk
        self._send(200, answer)

    def _send(self, status: int, document: dict[str, Any]) -> None:
        body = json.dumps(document, ensure_ascii=False).replace(SITE, self.server.base).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class DietServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = DietState()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def start(self) -> DietServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    @property
    def url(self) -> str:
        return f"{self.base}/api/speech"

    def local(self, link: str) -> str:
        """A record's link as this server answers it."""
        return link.replace(SITE, self.base)

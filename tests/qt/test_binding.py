"""Guards against a Qt binding that corrupts reference counts (seen in PySide6 6.12.0 on Python 3.11)."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QGuiApplication, QPainterPath, QTextDocument
app = QGuiApplication([])
before = sys.getrefcount(None)
for _ in range(500):
    path = QPainterPath(); path.moveTo(QPointF(1, 1)); path.lineTo(QPointF(2, 2))
    document = QTextDocument(); document.setHtml("<b>x</b>"); document.setTextWidth(100)
    font = QFont(); font.setBold(True)
    del path, document, font
print(sys.getrefcount(None) - before)
"""


def test_void_calls_do_not_eat_references_to_none():
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip().splitlines()[-1])) < 100

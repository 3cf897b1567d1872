"""The About box lists every part Stakewatch ships, read from the installed packages' metadata."""

from __future__ import annotations

import html
import importlib.metadata as metadata
import re

from languages import in_language

from stakewatch.core.platform import licences
from stakewatch.qt.about import AboutDialog, about_text


def runtime_requirements() -> list[str]:
    """Straight from the distribution's metadata: what it requires without an extra, for this platform."""
    names = []
    for line in metadata.requires("stakewatch") or []:
        requirement, _, marker = line.partition(";")
        if "extra" in marker or ("sys_platform" in marker and "linux" not in marker):
            continue
        names.append(re.match(r"[A-Za-z0-9._-]+", requirement).group())  # type: ignore[union-attr]
    return names


def test_the_about_box_lists_every_runtime_requirement_with_its_version_and_licence(qtbot):
    text = html.unescape(about_text())
    required = runtime_requirements()
    assert {"apprise", "trafilatura", "warcio", "XlsxWriter", "PySide6-Essentials"} <= set(required)
    for name in required:
        dist = metadata.distribution(name)
        row = re.search(rf"<b>{re.escape(name)}</b></td><td>{re.escape(dist.version)}</td>"
                        r"<td>([^<]+)", text)
        assert row is not None, name
        assert row.group(1).strip() and row.group(1) != str(licences.NOT_STATED), name
    for part in ("certifi", "urllib3", "Qt", "Python", "VL Gothic font", "JMnedict"):  # brought in, bundled
        assert part in text
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert "XlsxWriter" in dialog.text.toPlainText()


def test_its_own_words_are_japanese_and_the_licence_names_stay_as_written():
    with in_language("ja"):
        text = html.unescape(about_text())
    assert "Qt のライブラリは動的にリンクしており、差し替えられます。" in text
    assert "必要とする部品" in text and "BSD-2-Clause" in text and "is linked dynamically" not in text


def test_markers_decide_what_ships_on_this_platform():
    env = licences.environment() | {"sys_platform": "linux", "python_version": "3.11"}
    assert licences.marker_holds('sys_platform == "linux"', env)
    assert not licences.marker_holds("sys_platform == 'win32'", env)
    assert not licences.marker_holds('extra == "test"', env)
    assert licences.marker_holds('python_version < "3.12" and (os_name == "nt" or sys_platform != "darwin")',
                                 env | {"os_name": "posix"})
    assert not licences.marker_holds('python_version >= "3.12"', env)
    assert licences.marker_holds('python_version >= "3.9"', env)  # as versions, not text: 3.11 > 3.9


def test_qts_own_words_are_japanese_in_the_japanese_ui(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel

    with in_language("ja"):
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"
        assert "保存" in box.button(QDialogButtonBox.StandardButton.Save).text()
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert labels and not any(word in " ".join(labels) for word in ("Look in", "Files of", "File name"))

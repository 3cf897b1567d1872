"""The About dialog: version, and the licences of the third-party parts Stakewatch ships. GUI thread."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..core.i18n import translate
from ..core.resources import resource
from .fit import fit_on_show
from .icons import app_icon

PURPOSE = translate("About", "Follows officials, companies and AI products and tells you, with a link to the "
                             "original, when they say something.")
VERSIONS = translate("About", "Qt {qt}, PySide6 {pyside}, Python {python} on {system}.")
LICENCES = translate("About", "Stakewatch is MIT-licensed. It ships these parts under their own licences:")

THIRD_PARTY: tuple[tuple[str, str], ...] = (
    ("Qt 6 and PySide6", "LGPL-3.0 (Qt is dynamically linked; its libraries can be replaced)"),
    ("VL Gothic font", "BSD-3-Clause, M+ FONTS and Sazanami licences (resources/fonts/VL-Gothic-LICENSE.txt)"),
    ("Python", "PSF License"),
    ("feedparser", "BSD-2-Clause"),
    ("requests, urllib3", "Apache-2.0, MIT"),
    ("lxml, cssselect", "BSD-3-Clause"),
    ("pyahocorasick", "BSD-3-Clause"),
    ("platformdirs, keyring, jeepney, plyer, SecretStorage", "MIT, MIT, MIT, MIT, BSD-3-Clause"),
    ("cryptography", "Apache-2.0 or BSD-3-Clause"),
    ("pypdf", "BSD-3-Clause"),
    ("Name readings (resources/names/jmnedict-names.json.gz), derived from JMnedict and KANJIDIC2",
     "CC BY-SA 4.0, the property of the Electronic Dictionary Research and Development Group, used in "
     "conformance with the Group's licence (https://www.edrdg.org/edrdg/licence.html)"),
)


def about_text() -> str:
    rows = "".join(f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(licence)}</td></tr>"
                   for name, licence in THIRD_PARTY)
    versions = VERSIONS(qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version(),
                        system=platform.system()).render()
    return (f"<h2>Stakewatch {html.escape(__version__)}</h2>"
            f"<p>{html.escape(PURPOSE.render())}</p>"
            f"<p>{html.escape(versions)}</p>"
            f"<p>{html.escape(LICENCES.render())}</p>"
            f"<table cellpadding='3'>{rows}</table>")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Stakewatch"))
        self.setWindowIcon(app_icon())
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(about_text())
        font_licence = QLabel(str(resource("fonts", "VL-Gothic-LICENSE.txt")))
        font_licence.setTextFormat(Qt.TextFormat.PlainText)
        font_licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(font_licence)
        layout.addWidget(self.buttons)
        self.resize(560, 480)
        fit_on_show(self)

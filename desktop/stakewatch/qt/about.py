"""The About dialog: version, and the licences of the third-party parts Stakewatch ships. GUI thread."""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .. import __version__
from ..core import Part, bundled_parts, installed_parts, resource
from ..core.i18n import translate
from .fit import fit_on_show
from .icons import app_icon

PURPOSE = translate("About", "Follows officials, companies and AI products and tells you, with a link to the "
                             "original, when they say something.")
VERSIONS = translate("About", "Qt {qt}, PySide6 {pyside}, Python {python} on {system}.")
LICENCES = translate("About", "Stakewatch is MIT-licensed. It ships these parts under their own licences:")
DIRECT = translate("About", "What Stakewatch needs")
BROUGHT = translate("About", "What those bring in")
BUNDLED = translate("About", "Runtime, font and data")
COLUMNS = (translate("About", "Part"), translate("About", "Version"), translate("About", "Licence"))


def _rows(parts: list[Part]) -> str:
    rows = []
    for part in parts:
        note = f"<br/><small>{html.escape(str(part.note))}</small>" if part.note else ""
        rows.append(f"<tr><td><b>{html.escape(part.name)}</b></td><td>{html.escape(part.version)}</td>"
                    f"<td>{html.escape(str(part.licence))}{note}</td></tr>")
    return "".join(rows)


def about_text() -> str:
    """The About box's text: version, purpose, and every shipped part with its version and licence."""
    versions = VERSIONS(qt=qVersion(), pyside=PySide6.__version__, python=platform.python_version(),
                        system=platform.system()).render()
    installed = installed_parts()
    header = "".join(f"<th align='left'>{html.escape(str(column))}</th>" for column in COLUMNS)
    sections = ((DIRECT, [p for p in installed if p.direct]), (BROUGHT, [p for p in installed if not p.direct]),
                (BUNDLED, bundled_parts(str(resource("fonts", "VL-Gothic-LICENSE.txt")), qVersion())))
    tables = "".join(f"<h3>{html.escape(str(title))}</h3><table cellpadding='3'><tr>{header}</tr>{_rows(parts)}</table>"
                     for title, parts in sections if parts)
    return (f"<h2>Stakewatch {html.escape(__version__)}</h2>"
            f"<p>{html.escape(PURPOSE.render())}</p>"
            f"<p>{html.escape(versions)}</p>"
            f"<p>{html.escape(LICENCES.render())}</p>{tables}")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Stakewatch"))
        self.setWindowIcon(app_icon())
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(about_text())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 520)
        fit_on_show(self)

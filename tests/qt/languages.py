"""The interface in a chosen language, set the way the app sets it, for one block of a test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from stakewatch.core.i18n import set_language
from stakewatch.qt.app import install_translation, use_qt_locale

LANGUAGES = ("en", "ja")


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """The core's messages, Qt's tr() and Qt's own words (standard buttons, dates) in `lang`."""
    app = QCoreApplication.instance()
    assert app is not None
    previous_locale = QLocale()
    set_language(lang)
    translator = install_translation(app, lang)
    use_qt_locale(lang)
    try:
        yield
    finally:
        for installed in app.findChildren(QTranslator):
            if installed is translator or (lang != "en" and installed.language().startswith(lang)):
                QCoreApplication.removeTranslator(installed)
                installed.setParent(None)
        set_language(None)
        QLocale.setDefault(previous_locale)

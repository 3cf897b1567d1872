"""Dialogs that fit the screen they open on: what cannot fit scrolls, the buttons stay in view. GUI thread.

A 1366x768 laptop at 125 % leaves a window 1093x614 logical pixels, less the
title bar. `arrange` lays a dialog out as a `ScrollBody` (its form) above what
must stay in view (a message, the buttons), and sizes the dialog when it is
shown: what it asks for, within the screen's free area. Problems come one a
line in a `ProblemList`, which scrolls when there are many; `tell` shows a
message in a box that fits, whatever its length.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QLayout,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

FRAME = QSize(16, 40)
"""What a window manager's frame and title bar take from the screen's free area, at most, on common desktops."""
LOWEST_BODY = 120
"""The least height a scrolled body shrinks to: a few lines, with its scroll bar."""
LONG_MESSAGE = 6
"""Lines beyond which a message is shown in a scrolling list rather than a plain message box."""
LONG_MESSAGE_CHARACTERS = 600
"""Characters beyond which the same happens."""
SHOWN_PROBLEMS = 8
"""Problems a ProblemList shows before it scrolls."""


def free_area(widget: QWidget) -> QSize:
    """The room a window has on the screen it opens on: the free area less a frame and title bar."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(16_777_215, 16_777_215)
    free = screen.availableGeometry().size()
    return QSize(max(free.width() - FRAME.width(), 1), max(free.height() - FRAME.height(), 1))


def fitted_size(window: QWidget, area: QSize, grow: bool = False) -> QSize:
    """The size `window` opens at in `area`: the size it was given (or asks for; with `grow`, the larger),
    never below its minimum, never beyond `area` unless its minimum is."""
    wish = window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else window.sizeHint()
    if grow:
        wish = wish.expandedTo(window.sizeHint())
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    wish = wish.expandedTo(least)
    return QSize(min(wish.width(), max(area.width(), least.width())),
                 min(wish.height(), max(area.height(), least.height())))


def fit(window: QWidget, area: QSize | None = None, grow: bool = False) -> None:
    """Resize `window` to `fitted_size` within `area` (the screen's free area by default); a window on
    screen that grew is moved up as far as it must to stay on the screen."""
    window.resize(fitted_size(window, area if area is not None else free_area(window), grow))
    screen = window.screen()
    if window.isVisible() and screen is not None:
        free = screen.availableGeometry()
        frame = window.frameGeometry()
        if frame.bottom() > free.bottom():
            window.move(window.x(), max(free.top(), window.y() - (frame.bottom() - free.bottom())))


class _FitOnShow(QObject):
    """Sizes its window within the screen each time it is shown (before it is placed and drawn)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            fit(watched)
        return False


def fit_on_show(window: QWidget) -> None:
    """Let `window` open within the screen's free area whenever it is shown."""
    if window.findChild(_FitOnShow) is None:
        window.installEventFilter(_FitOnShow(window))


VALUE_WIDGETS = (QComboBox, QAbstractSpinBox, QAbstractSlider)
"""Widgets whose value a mouse wheel turns: in a scrolled form they take the wheel only once focused."""


class _WheelScrollsPage(QObject):
    """On a value widget without focus, hands the wheel on to the page (the scroll area) instead;
    on the form it watches, brings widgets added since under the same rule each time it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (event.type() == QEvent.Type.Wheel and isinstance(watched, VALUE_WIDGETS)
                and watched.window().focusWidget() is not watched and isinstance(event, QWheelEvent)):
            page = watched.parentWidget()
            while page is not None and not isinstance(page, QAbstractScrollArea):
                page = page.parentWidget()
            if page is not None:
                where = page.viewport().mapFromGlobal(event.globalPosition())
                QCoreApplication.sendEvent(page.viewport(), QWheelEvent(
                    where, event.globalPosition(), event.pixelDelta(), event.angleDelta(), event.buttons(),
                    event.modifiers(), event.phase(), event.inverted()))
            event.ignore()
            return True
        if event.type() == QEvent.Type.Show and watched is self.parent():
            wheel_scrolls_page(watched)  # type: ignore[arg-type]
        return False


def wheel_scrolls_page(form: QWidget) -> None:
    """Let the mouse wheel over `form` scroll its page: combo boxes, spin boxes, time fields and sliders
    in it take the wheel (and focus) only by a click or Tab. Every scrolled form uses this. GUI thread."""
    keeper = form.findChild(_WheelScrollsPage, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _WheelScrollsPage(form)
        form.installEventFilter(keeper)
    for widget in form.findChildren(QWidget):
        if isinstance(widget, VALUE_WIDGETS) and not widget.property("wheelScrollsPage"):
            widget.setProperty("wheelScrollsPage", True)
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(keeper)


class ScrollBody(QScrollArea):
    """A dialog's form: shown whole where the screen has room, scrolled where it has not."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """The form asks for a new size (a field grew while the dialog is open): the dialog lays itself
        out again with it, and grows within the screen, rather than cutting the form off."""
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
            if self.isVisible():
                QTimer.singleShot(0, self, self._widen)
        return super().eventFilter(watched, event)

    def _widen(self) -> None:
        """Widen the dialog (within the screen) by what the form lacks: it never scrolls sideways."""
        content, window = self.widget(), self.window()
        if content is None:
            return
        short = content.minimumSizeHint().width() - self.viewport().width()
        if short > 0:
            room = free_area(window).width()
            window.resize(max(window.width(), min(window.width() + short, room)), window.height())

    def _bar(self) -> int:
        return self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)

    def sizeHint(self) -> QSize:  # noqa: N802
        content = self.widget()
        if content is None:
            return super().sizeHint()
        hint = content.sizeHint()
        # room for the scroll bar a smaller screen shows, so that it never covers the form
        return QSize(hint.width() + self._bar(), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        content = self.widget()
        if content is None:
            return super().minimumSizeHint()
        least = content.minimumSizeHint()
        return QSize(least.width() + self._bar(), min(content.sizeHint().height(), LOWEST_BODY))


def arrange(dialog: QWidget, content: QWidget | QLayout, *below: QWidget | QLayout) -> ScrollBody:
    """Lay `dialog` out: `content` scrolled when the screen cannot hold it, then `below` (a message, the
    buttons) always in view; the dialog opens within the screen's free area."""
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    body = ScrollBody(content)
    wheel_scrolls_page(content)
    layout = QVBoxLayout(dialog)
    layout.addWidget(body, 1)
    for part in below:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    fit_on_show(dialog)
    return body


class ProblemList(QPlainTextEdit):
    """Problems one a line (a long one wraps), read-only and selectable; scrolls beyond a few.
    Hidden while there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setStyleSheet("color: #b00020")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.problems: list[str] = []
        self.hide()

    def set_problems(self, problems: Sequence[str]) -> None:
        self.problems = [p.strip() for p in problems if p.strip()]
        self.setPlainText("\n".join(f"\u2022 {p}" for p in self.problems))
        self.setVisible(bool(self.problems))
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Room for the first few problems as they wrap at the present width, and half a line more."""
        metrics = self.fontMetrics()
        width = max(self.viewport().width(), 400) - 2 * round(self.document().documentMargin())
        shown = self.toPlainText().split("\n")[:SHOWN_PROBLEMS] or [""]
        height = sum(metrics.boundingRect(QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, line).height()
                     for line in shown) + metrics.lineSpacing() // 2
        margins = self.contentsMargins()
        return QSize(super().sizeHint().width(),
                     height + margins.top() + margins.bottom() + 2 * round(self.document().documentMargin()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(super().minimumSizeHint().width(), 3 * self.fontMetrics().lineSpacing())


def split_message(text: str) -> tuple[str, list[str]]:
    """A message's first line, and the problems on the lines after it (a list of refusals)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else "", lines[1:])


class ProblemDialog(QDialog):
    """A message too long for a message box: its first line, then the rest one a line, scrolled; Close."""

    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        headline, problems = split_message(text)
        self.headline = QLabel(headline)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)
        self.problems = ProblemList()
        self.problems.set_problems(problems)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        fit_on_show(self)


def tell(parent: QWidget | None, title: str, text: str) -> QDialog:
    """Show `text` as a warning that fits the screen: a message box, or a ProblemDialog when it is long.
    Not modal; the caller keeps the returned dialog alive while it is open."""
    if len(text.splitlines()) > LONG_MESSAGE or len(text) > LONG_MESSAGE_CHARACTERS:
        dialog: QDialog = ProblemDialog(title, text, parent)
    else:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Close, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        dialog = box
    dialog.setWindowModality(Qt.WindowModality.NonModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog

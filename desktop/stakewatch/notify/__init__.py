"""Notifier backends behind one small Protocol, chosen from what the platform offers."""

from .base import ClickHandler, Notifier, choose_notifier

__all__ = ["ClickHandler", "Notifier", "choose_notifier"]

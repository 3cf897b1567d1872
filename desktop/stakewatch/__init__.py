"""Stakewatch: follow officials, companies and AI products from the desktop."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("stakewatch")
except PackageNotFoundError:
    __version__ = "0.0.0+source"

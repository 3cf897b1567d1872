"""The thin Qt shell: tray, workers, windows. Imports PySide6; the core never does."""

"""Shipped assets (icons, fonts, translations, the default watchlist, demo feeds), installed as `stakewatch.resources`."""

"""Backup and restore of a whole installation (CONTRACTS §7): every table and the stored files.

`archive` reads and checks the file format without Django; `dump` writes a backup from the
configured database; `restore` rebuilds one into an empty database, all or nothing.
"""

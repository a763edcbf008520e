"""Data exchange (`twinning export` / `twinning import`): the public-data entities by natural key.

Unlike a backup, an exchange file carries no ids, users or reviews: every record names itself
and what it points to by natural keys (slugs, or a tuple of them), so it merges into another
installation and re-importing it changes nothing.
"""

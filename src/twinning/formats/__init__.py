"""Date and time formats per language, overriding Django's own (FORMAT_MODULE_PATH)."""

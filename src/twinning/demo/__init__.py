"""The demo data set: the facts of the public seed pages and invented sample records."""

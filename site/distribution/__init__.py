"""Distribution lists of controlled documents and read-and-understood acknowledgements (issue #6 §3)."""

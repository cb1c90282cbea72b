"""Content rules: when something happens in a folder or content type, do something; every firing logged (issue #7 §4)."""

"""Subject keywords (normalised tags), subject pages and Dublin Core metadata (issue #7 §1, §5)."""

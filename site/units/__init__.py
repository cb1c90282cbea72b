"""Organisational units, their subtrees and collections, and the sharing view (issue #7 §2)."""

"""Collections: saved searches shown as live pages with feeds and exports (issue #7 §3)."""

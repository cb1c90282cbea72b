"""Sanad's search backends: modelsearch's, with the Persian normaliser on every path."""

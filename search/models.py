"""Models of the search app: only the index version record (``search.index_version``)."""

from search.index_version import IndexVersion

__all__ = ["IndexVersion"]

"""Models of the search app: the index version record and the text of attached files."""

from search.attachments import AttachmentText
from search.index_version import IndexVersion

__all__ = ["AttachmentText", "IndexVersion"]

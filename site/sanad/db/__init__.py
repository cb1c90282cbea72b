"""Database backends of Sanad (see sanad.db.sqlite3)."""

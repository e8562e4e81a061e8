"""The gemeente's store: its own tables, metadata and Alembic chain (issue 17).

It lives in the gemeente's register file (SQLite, SQLCipher) by default, or in a PostgreSQL
database given by URL; `open.open_gemeente_store(engine)` brings either up to date.
"""

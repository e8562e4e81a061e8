"""What the UI holds of the database: an opaque handle it passes to services, never queries.

ui/ may not import SQLAlchemy (tests/test_architecture.py); it names the engine's type
through this module instead.
"""

from sqlalchemy import Engine

__all__ = ["Engine"]

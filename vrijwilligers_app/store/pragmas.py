"""What every connection to a register is set to (store.engine and store.direct alike)."""

BUSY_TIMEOUT_MS = 10_000

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    # Erased text (vergeten, retention) is overwritten with zeros, not left in free pages.
    "PRAGMA secure_delete=ON",
)
# A side file that is filled in bulk and renamed over the register only when complete
# (store.side_file): no WAL (the rollback journal of its few old pages stays in memory) and no
# syncs while writing; a crash only harms the side file, which the next open removes.
BULK_PRAGMAS = (
    "PRAGMA journal_mode=MEMORY",
    "PRAGMA synchronous=OFF",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA secure_delete=ON",
)

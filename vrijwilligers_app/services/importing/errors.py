"""A file that cannot be imported: the message is Dutch, names the file, and nothing changed."""


class ImportRefused(Exception):
    def __init__(self, file_name: str, reason: str) -> None:
        self.file_name, self.reason = file_name, reason
        super().__init__(f"{file_name}: {reason} Er is niets ingelezen of veranderd.")


class ImportCancelled(Exception):
    """The user stopped the import; the transaction was rolled back, nothing was written."""

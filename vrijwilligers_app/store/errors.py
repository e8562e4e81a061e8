"""Errors of the storage layer. Each carries a Dutch message fit to show a user as is."""


class RegisterError(Exception):
    """Base: the register cannot be opened or changed; str(exc) is Dutch and actionable."""


class DataDirError(RegisterError):
    pass


class RegisterInUseError(RegisterError):
    pass


class NotARegisterError(RegisterError):
    pass


class EncryptedRegisterError(RegisterError):
    """Encrypted, and no key or another key than this file's."""


class CorruptRegisterError(RegisterError):
    pass


class NewerSchemaError(RegisterError):
    pass


class MigrationError(RegisterError):
    pass


class BackupError(RegisterError):
    pass


class ReadOnlyRegisterError(RegisterError):
    pass


class GemeenteDatabaseError(RegisterError):
    """The gemeente store's PostgreSQL server: bad URL, down, login refused, no database."""

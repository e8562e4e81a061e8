"""The one error of the exchange: a package or key refused, with a Dutch reason."""


class ExchangeError(Exception):
    """Something the user must fix (no gemeente key, folder not writable...)."""


class PackageRefused(ExchangeError):
    """A package that is not read at all; `reason` says why, in Dutch."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PackageIgnored(PackageRefused):
    """A sound package that changes nothing (read before, or an older snapshot)."""


class AlreadyRead(PackageIgnored):
    """The very same package (same manifest hash) was read before."""


class WrongKind(PackageIgnored):
    """A sound package of the other direction (an export where returns are read, or back)."""

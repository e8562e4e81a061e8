"""The one error a report raises; kept apart so naming the reports imports no reportlab."""


class ReportError(Exception):
    """A report cannot be made or written; str(exc) is Dutch and names the place."""

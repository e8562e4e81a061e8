"""Vrijwilligersregister Helmond: an offline register for Helmond's sociale basis."""

__version__ = "0.1.0"
APP_NAME = "Vrijwilligersregister Helmond"

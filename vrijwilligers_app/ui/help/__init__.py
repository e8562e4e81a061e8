"""The Help menu: the Dutch handleiding (resources/help) with search, F1 per page, and Over."""

"""Lists and figures to a real Excel file (.xlsx), as the screen shows them.

`write_xlsx` writes one sheet: title, the filter in words, a "Vertrouwelijk" line for lists
with names, a frozen header row, typed cells (dates as dates in dd-mm-jjjj, phone numbers and
postcodes as text) and fitted column widths. Text is always a text cell: '=HYPERLINK(...)'
typed into a name never becomes a formula. `export_register` exports a register page
(`export_register_steps`: the same as a generator reporting progress while it streams).
"""

from vrijwilligers_app.services.exporting.lists import (
    PERSONAL_KINDS,
    RESIDENT_KINDS,
    export_register,
    export_register_steps,
)
from vrijwilligers_app.services.exporting.xlsx import XlsxColumn, write_xlsx

__all__ = ["PERSONAL_KINDS", "RESIDENT_KINDS", "XlsxColumn", "export_register",
           "export_register_steps", "write_xlsx"]

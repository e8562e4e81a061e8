"""The preview as Dutch text lines (command line, and the wizard's "Kopieer" text)."""

from vrijwilligers_app.services.importing.mapping import IMPORT_FIELDS
from vrijwilligers_app.services.importing.preview import DUPLICATE, ERROR, NEW, Preview

KIND_NL = {"volunteers": "vrijwilligers", "residents": "inwoners",
           "initiatives": "initiatieven", "roles": "rollen"}
KINDS_BY_NL = {nl: kind for kind, nl in KIND_NL.items()}


def preview_lines(preview: Preview, limit: int = 200) -> list[str]:
    """Mapping, counts, then every duplicate and error row (at most `limit` lines of them)."""
    fields = IMPORT_FIELDS[preview.kind]
    lines = [f"Bestand: {preview.file_name}, blad {preview.sheet_name}; inlezen als "
             f"{KIND_NL[preview.kind]}.", "Kolommen:"]
    for index, header in enumerate(preview.headers):
        key = preview.mapping.get(index)
        lines.append(f"  {header} -> {fields[key] if key else '(niet inlezen)'}")
    lines.append(f"{len(preview.rows)} rijen: {preview.count(NEW)} nieuw, "
                 f"{preview.count(DUPLICATE)} staan er al in, {preview.count(ERROR)} met "
                 "fouten.")
    details: list[str] = []
    for plan in preview.rows:
        if plan.status == DUPLICATE:
            if plan.duplicate is not None:
                details.append(f"rij {plan.row_number}: staat er al in als "
                               f"{plan.duplicate.label} ({plan.duplicate.reason}).")
            elif plan.same_as_row is not None:
                details.append(f"rij {plan.row_number}: zelfde persoon als rij "
                               f"{plan.same_as_row} in dit bestand.")
            else:
                details.append(f"rij {plan.row_number}: {plan.duplicate_text}.")
        details.extend(plan.errors)
    lines.extend(details[:limit])
    if len(details) > limit:
        lines.append(f"… en nog {len(details) - limit} meldingen.")
    lines.extend(preview.notes)
    if preview.consent_note:
        lines.append(preview.consent_note)
    return lines

"""Reads about one person that the people forms (services/editing/people.py) check against."""

from sqlmodel import Session, col, select

from vrijwilligers_app.store.tables import Consent, Neighbourhood


def current_consent(session: Session, resident_id: int, purpose: str) -> Consent | None:
    """The oldest consent of this purpose that is not withdrawn (the one the form edits)."""
    return session.exec(select(Consent).where(
        col(Consent.resident_id) == resident_id, col(Consent.purpose) == purpose,
        col(Consent.withdrawn_on).is_(None)).order_by(col(Consent.given_on))).first()


def neighbourhood(session: Session, code: str) -> tuple[str, str] | None:
    """(name, wijk code) of a buurt, None when the code is unknown."""
    row = session.execute(select(col(Neighbourhood.name), col(Neighbourhood.district_code))
                          .where(col(Neighbourhood.code) == code)).one_or_none()
    return None if row is None else (str(row[0]), str(row[1]))

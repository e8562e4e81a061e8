"""Code lists: shipped as CSV in resources/codes and loaded on first start.

Small lists keyed by a readable code; users may add entries or set them inactive but a code,
once used, is never renamed (exchange packages and history refer to it).
"""

from sqlmodel import Field, SQLModel


class CodeEntry(SQLModel):
    code: str = Field(primary_key=True, max_length=40)
    name: str = Field(max_length=120)
    sort_order: int = 0
    active: bool = True


class District(SQLModel, table=True):
    """A CBS wijk of Helmond (WK0794xx)."""

    __tablename__ = "district"
    code: str = Field(primary_key=True, max_length=8)
    name: str = Field(max_length=80)
    cbs_name: str = Field(max_length=80)
    inhabitants: int | None = None
    dwellings: int | None = None
    area_ha: int | None = None


class Neighbourhood(SQLModel, table=True):
    """A CBS buurt (BU0794xxxx) inside a wijk."""

    __tablename__ = "neighbourhood"
    code: str = Field(primary_key=True, max_length=10)
    name: str = Field(max_length=80)
    district_code: str = Field(foreign_key="district.code", index=True)


class LifeDomain(CodeEntry, table=True):
    """Leefdomein, grouped as meedoen / rondkomen / vooruitkomen."""

    __tablename__ = "life_domain"
    group: str = Field(max_length=20)


class InitiativeType(CodeEntry, table=True):
    __tablename__ = "initiative_type"


class VisitorType(CodeEntry, table=True):
    __tablename__ = "visitor_type"


class MatchEndReason(CodeEntry, table=True):
    __tablename__ = "match_end_reason"


class ContactKind(CodeEntry, table=True):
    __tablename__ = "contact_kind"


class DutyRole(CodeEntry, table=True):
    """Roles on a duty roster and in an initiative (gastvrouw, koffie, coördinator...)."""

    __tablename__ = "duty_role"


class VolunteerExitReason(CodeEntry, table=True):
    """Uitstroomreden: why a volunteer left an initiative (verhuisd, werk gevonden...)."""

    __tablename__ = "volunteer_exit_reason"

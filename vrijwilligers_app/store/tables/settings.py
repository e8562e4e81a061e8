"""Register preferences that travel with the data (organisation name, backup retention...)."""

from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=60)
    value: str = ""

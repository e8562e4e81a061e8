from pathlib import Path

import pytest

from tests.helpers.messy_files import volunteer_workbook


@pytest.fixture
def messy_xlsx(tmp_path: Path) -> Path:
    return volunteer_workbook(tmp_path / "vrijwilligers.xlsx")

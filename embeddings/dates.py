"""Filter dates as the articles store theirs (YYYY-MM-DD): a light module, so that reading a
command line's dates loads nothing else."""

from __future__ import annotations

import datetime
import re

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def check_date(value: str) -> str:
    """A filter date as the articles store theirs (YYYY-MM-DD); ValueError says what to type."""
    value = value.strip()
    if not _DATE.fullmatch(value):
        raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2025-02-18")
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is no day of the calendar (YYYY-MM-DD, e.g. 2025-02-18)") from None
    return value

"""How long a username is locked after repeated failed sign-ins."""

from __future__ import annotations

import datetime as dt

import pytest

from web.services.masuk import lock_after

S = dt.timedelta(seconds=1)


@pytest.mark.parametrize(
    ("failures", "lock"),
    [
        (0, None),
        (4, None),
        (5, 30 * S),
        (6, 60 * S),
        (7, 120 * S),
        (9, 480 * S),
        (10, 900 * S),
        (50, 900 * S),
    ],
)
def test_lock_doubles_after_five_failures_up_to_fifteen_minutes(failures, lock):
    assert lock_after(failures) == lock

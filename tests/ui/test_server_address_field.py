"""The sync page's address field: a password typed into the address in any form is moved
out of it, so the address it remembers never holds one (issue 21)."""

from __future__ import annotations

import pytest

from workshop_app.ui.pages.sync_page import split_address

BARE = "postgresql+psycopg://strategy@10.20.1.7:5432/province_nan"


@pytest.mark.parametrize(
    ("typed", "password"),
    [
        ("postgresql+psycopg://strategy:n@n-2568@10.20.1.7:5432/province_nan", "n@n-2568"),
        ("postgresql+psycopg://strategy@10.20.1.7:5432/province_nan?password=n%40n", "n@n"),
        ("postgresql+psycopg://strategy@10.20.1.7:5432/province_nan?password=a@b?c", "a@b?c"),
        ("postgresql+psycopg://strategy:k?y/z#1@10.20.1.7:5432/province_nan", "k?y/z#1"),
    ],
)
def test_a_password_in_any_form_is_taken_out_of_the_address(typed: str, password: str) -> None:
    assert split_address(typed) == (BARE, password)


def test_an_address_without_a_password_stays_as_typed() -> None:
    assert split_address(BARE) == (BARE, None)

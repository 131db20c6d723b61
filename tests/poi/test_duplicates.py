"""Duplicate candidates: the same CNIC (by its keyed hash), or the same name, father's name and date of
birth once spelling is normalised."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from safecity.poi.duplicates import name_key
from tests.poi.conftest import create
from tests.poi.conftest import headers


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Muhammad Asif", "  MOHAMMAD   asif "),
        ("Muhammed Asif", "Mohd. Asif"),
        ("Syed Ahmed Hussain", "syed ahmad hussein"),
        ("Abdul Rehman", "Abdul-Rahman"),
    ],
)
def test_spellings_of_one_name_have_one_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_different_names_keep_different_keys() -> None:
    assert name_key("Muhammad Asif") != name_key("Muhammad Arif")
    assert name_key("Ali Khan") != name_key("Alia Khan")


def test_candidates_are_listed_with_their_reasons(client: TestClient) -> None:
    imran = create(client)
    same_cnic = create(client, name="I. Khan", father_name="", date_of_birth=None)
    same_name = create(client, name="Imraan Khan", cnic=None)  # not a known variant: no match
    spelled = create(client, name="imran  khan", father_name="Ikramullah KHAN", cnic="35202-7654321-9")
    create(client, name="Imran Khan", father_name="Ikramullah Khan", date_of_birth="1986-04-12", cnic=None)

    response = client.get(f"/api/v1/persons/{imran['id']}/duplicates", headers=headers(client))
    assert response.status_code == 200, response.text
    found = {c["person_id"]: c["reasons"] for c in response.json()["candidates"]}
    assert found == {
        same_cnic["id"]: ["same_cnic"],
        spelled["id"]: ["same_name_father_date_of_birth"],
    }
    assert same_name["id"] not in found


def test_listing_duplicates_needs_a_purpose(client: TestClient) -> None:
    imran = create(client)
    response = client.get(f"/api/v1/persons/{imran['id']}/duplicates", headers=headers(client, purpose=False))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "purpose"]

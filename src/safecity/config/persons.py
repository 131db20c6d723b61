"""The `persons:` section of safecity.yaml: the persons-of-interest register."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel
from pydantic import Field
from pydantic import SecretStr


class PersonSettings(BaseModel):
    identity_key: SecretStr | None = Field(
        None,
        description="The key that encrypts CNICs at rest: 32 random bytes, base64 (e.g. `openssl rand "
        "-base64 32`). Keep it outside the database (environment `SAFECITY_PERSONS__IDENTITY_KEY` or a "
        "secrets manager); when empty the key file is used.",
    )
    identity_key_file: Path | None = Field(
        None,
        description="File holding that key (base64); default `data_dir/persons-identity.key`, created on "
        "first start. Losing it makes every stored CNIC unreadable: back it up apart from the database.",
    )
    review_sweep_minutes: float = Field(
        60,
        gt=0,
        description="How often one API node takes records past their review date or legal-basis expiry "
        "off the watchlists (their watchlist entries stop matching at that moment anyway).",
    )

"""CNICs at rest: AES-256-GCM encryption plus a keyed hash for exact-match lookup, from one key kept outside
the database.

Two keys are derived from the configured 32-byte key with HKDF-SHA256 (different `info`), so the lookup hash
reveals nothing about the encryption key and vice versa. The hash is HMAC-SHA256 of the 13 digits: equal
CNICs give equal hashes (duplicate detection, search by CNIC) without the database ever holding the digits.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from safecity.config import Settings

KEY_BYTES = 32
NONCE_BYTES = 12
KEY_FILE = "persons-identity.key"
_ASSOCIATED_DATA = b"safecity.poi.cnic.v1"


class IdentityKeyError(Exception):
    """The identity key is missing, malformed, or not the one the data was sealed with."""


def _derive(master: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(master)


def decode_key(text: str, origin: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except binascii.Error as exc:
        raise IdentityKeyError(f"{origin} is not base64") from exc
    if len(key) != KEY_BYTES:
        raise IdentityKeyError(f"{origin} must be {KEY_BYTES} bytes, base64 (it is {len(key)})")
    return key


def load_or_create_key_file(path: Path) -> bytes:
    """The key from `path` (base64, owner-only); a new random key is written there on first use."""
    if path.exists():
        return decode_key(path.read_text(encoding="ascii"), str(path))
    key = os.urandom(KEY_BYTES)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=False)
    path.write_text(base64.b64encode(key).decode("ascii") + "\n", encoding="ascii")
    return key


def identity_key(settings: Settings) -> bytes:
    """The configured key (`persons.identity_key`), else the key file (created on first start)."""
    configured = settings.persons.identity_key
    if configured is not None:
        return decode_key(configured.get_secret_value(), "persons.identity_key")
    return load_or_create_key_file(settings.persons.identity_key_file or settings.data_dir / KEY_FILE)


class IdentityCipher:
    def __init__(self, master_key: bytes) -> None:
        if len(master_key) != KEY_BYTES:
            raise IdentityKeyError(f"the identity key must be {KEY_BYTES} bytes")
        self._aead = AESGCM(_derive(master_key, b"safecity poi cnic encryption"))
        self._lookup_key = _derive(master_key, b"safecity poi cnic lookup")

    def seal(self, digits: str) -> bytes:
        """Nonce + ciphertext + tag of the 13 digits (a fresh random nonce each time)."""
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, digits.encode("ascii"), _ASSOCIATED_DATA)

    def open(self, sealed: bytes) -> str:
        try:
            clear = self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], _ASSOCIATED_DATA)
        except InvalidTag as exc:
            raise IdentityKeyError(
                "a CNIC cannot be decrypted: the identity key is not the one used"
            ) from exc
        return clear.decode("ascii")

    def lookup_hash(self, digits: str) -> str:
        return hmac.new(self._lookup_key, digits.encode("ascii"), hashlib.sha256).hexdigest()

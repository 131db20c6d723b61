"""The Pakistani national identity card number (CNIC): 13 digits, written `35202-1234567-1` or bare."""

from __future__ import annotations

import re

CNIC = re.compile(r"^\d{5}-?\d{7}-?\d$")


def normalize_cnic(value: str) -> str:
    """`35202-1234567-1` or `3520212345671` → 13 digits; ValueError otherwise."""
    text = value.strip()
    if not CNIC.match(text):
        raise ValueError("CNIC must be 13 digits, e.g. 35202-1234567-1")
    return text.replace("-", "")


def format_cnic(digits: str) -> str:
    """13 digits as people write them: `35202-1234567-1`."""
    return f"{digits[:5]}-{digits[5:12]}-{digits[12:]}"


def mask_cnic(digits: str) -> str:
    """Only the district (first five) and the last digit shown: `35202-*******-1`."""
    return f"{digits[:5]}-{'*' * 7}-{digits[12:]}"

"""Personal data at rest and in responses (UU PDP No. 27/2022).

Fields that identify a person are encrypted with AES-256-GCM (a fresh nonce per value, the
field name bound as associated data so a ciphertext cannot be moved to another column). A keyed
HMAC-SHA256 blind index lets a service find a row by NIK without storing it readable. Masking
shows only what a person needs to recognise their own data.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from typing import Annotated

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi import Depends, Request

VERSION = b"\x01"
NONCE_BYTES = 12


def _key(encoded: str, what: str) -> bytes:
    try:
        key = base64.b64decode(encoded, validate=True)
    except ValueError:
        key = b""
    if len(key) != 32:
        raise RuntimeError(f"{what} must be 32 bytes, base64-encoded")
    return key


def generate_key() -> str:
    """A new random 32-byte key, base64 (for `make run` and key rotation)."""
    return base64.b64encode(os.urandom(32)).decode()


class FieldCipher:
    """Encrypts and decrypts personal-data fields; built once from settings."""

    def __init__(self, encryption_key: str, blind_index_key: str) -> None:
        self._aead = AESGCM(_key(encryption_key, "field_encryption_key"))
        self._index_key = _key(blind_index_key, "blind_index_key")

    def encrypt(self, plaintext: str, *, field: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        return VERSION + nonce + self._aead.encrypt(nonce, plaintext.encode(), field.encode())

    def decrypt(self, ciphertext: bytes, *, field: str) -> str:
        if ciphertext[:1] != VERSION:
            raise ValueError("unknown ciphertext version")
        nonce, body = ciphertext[1 : 1 + NONCE_BYTES], ciphertext[1 + NONCE_BYTES :]
        return self._aead.decrypt(nonce, body, field.encode()).decode()

    def blind_index(self, value: str, *, field: str) -> str:
        """A deterministic keyed digest for equality lookups; reveals nothing without the key."""
        return hmac.new(self._index_key, f"{field}:{value}".encode(), hashlib.sha256).hexdigest()


def _cipher(request: Request) -> FieldCipher:
    return request.app.state.cipher


# The service's cipher, built at start-up from its settings, as a route dependency.
Cipher = Annotated[FieldCipher, Depends(_cipher)]


def mask_nik(nik: str) -> str:
    """`3201014508900001` → `3201************`: the issuing region only."""
    return nik[:4] + "*" * (len(nik) - 4)


def mask_name(name: str) -> str:
    """`Siti Aminah` → `S*** A*****`."""
    return " ".join(part[:1] + "*" * (len(part) - 1) for part in name.split())


def mask_phone(phone: str) -> str:
    """`+6281234567890` → `+6281*******90`."""
    if len(phone) <= 6:
        return "*" * len(phone)
    return phone[:5] + "*" * (len(phone) - 7) + phone[-2:]


def mask_email(email: str) -> str:
    """`siti.aminah@example.id` → `s*********h@example.id`."""
    local, _, domain = email.partition("@")
    if len(local) <= 2:
        return "*" * len(local) + "@" + domain
    return local[0] + "*" * (len(local) - 2) + local[-1] + "@" + domain

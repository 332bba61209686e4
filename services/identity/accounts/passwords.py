"""Passwords: argon2id at or above OWASP's minimum, 8–128 characters, common ones refused."""

import asyncio
from functools import cache
from importlib import resources

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

from shared.errors import InvalidInput

MIN_LENGTH, MAX_LENGTH = 8, 128


@cache
def common_passwords() -> frozenset[str]:
    text = resources.files("services.identity.accounts").joinpath("common_passwords.txt").read_text()
    return frozenset(line.strip().casefold() for line in text.splitlines() if line.strip())


def check_strength(password: str, *, username: str | None = None, nik: str | None = None) -> None:
    """Refuse a password that is too short, too long, common, or the username or NIK."""
    problem = None
    if not MIN_LENGTH <= len(password) <= MAX_LENGTH:
        problem = f"{MIN_LENGTH}–{MAX_LENGTH} characters"
    elif password.casefold() in common_passwords() or len(set(password)) < 4:
        problem = "too common"
    elif (username and username.casefold() in password.casefold()) or (nik and nik in password):
        problem = "must not contain the username or NIK"
    if problem:
        raise InvalidInput(
            ("Kata sandi terlalu lemah.", "The password is too weak."),
            code="weak_password",
            errors=[{"field": "password", "message": problem}],
        )


class Passwords:
    """Hashing with the configured argon2id parameters; flags hashes made with weaker ones.

    argon2 takes ~20 ms of CPU and releases the GIL, so it runs in a worker thread: the event
    loop keeps serving other requests meanwhile, and both cores hash in parallel.
    """

    def __init__(self, memory_kib: int, time_cost: int, parallelism: int) -> None:
        self.hasher = PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=Type.ID
        )
        # Verified when the account does not exist, so both answers cost the same.
        self._decoy = self.hasher.hash("decoy-password-never-used")

    async def hash(self, password: str) -> str:
        return await asyncio.to_thread(self.hasher.hash, password)

    async def verify(self, stored: str | None, password: str) -> bool:
        return await asyncio.to_thread(self._verify, stored, password)

    def _verify(self, stored: str | None, password: str) -> bool:
        try:
            return self.hasher.verify(stored or self._decoy, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self.hasher.check_needs_rehash(stored)

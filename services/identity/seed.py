"""Seed the first national administrator: `python -m services.identity.seed`.

Username and password come from `SIAPKERJA_ADMIN_USERNAME` / `SIAPKERJA_ADMIN_PASSWORD`; without a
password one is generated and printed once. With `SIAPKERJA_ADMIN_TOTP_SECRET` (base32) the
second factor is enrolled already; without it the administrator enrols through `/me/totp`.
"""

import asyncio
import secrets

from sqlalchemy import select

from services.identity.accounts.models import Account
from services.identity.accounts.passwords import Passwords
from services.identity.config import IdentitySettings
from services.identity.officers.models import RoleGrant
from services.identity.tokens import keys
from services.identity.tokens.service import TOTP_FIELD
from shared.auth import NATIONAL
from shared.config import secret
from shared.db import Database
from shared.personal_data import FieldCipher


async def seed_admin(settings: IdentitySettings) -> str | None:
    """Create the administrator if absent; returns a generated password, if one was made."""
    cipher = FieldCipher(
        settings.field_encryption_key.get_secret_value(), settings.blind_index_key.get_secret_value()
    )
    username = (secret("SIAPKERJA_ADMIN_USERNAME") or settings.admin_username).lower()
    password = secret("SIAPKERJA_ADMIN_PASSWORD") or settings.admin_password.get_secret_value()
    totp_secret = secret("SIAPKERJA_ADMIN_TOTP_SECRET") or settings.admin_totp_secret.get_secret_value()
    generated = None
    db = Database(settings.database_url.get_secret_value(), "identity")
    try:
        async with db.transaction() as session:
            await keys.ensure_keys(session, cipher)
            if (await session.scalars(select(Account).where(Account.username == username))).first():
                return None
            if not password:
                password = generated = secrets.token_urlsafe(18)
            passwords = Passwords(
                settings.argon2_memory_kib, settings.argon2_time_cost, settings.argon2_parallelism
            )
            admin = Account(
                account_type="kementerian_lembaga",
                username=username,
                password_hash=await passwords.hash(password),
                region_code=None,
            )
            if totp_secret:
                admin.totp_sealed = cipher.encrypt(totp_secret, field=TOTP_FIELD)
                admin.totp_confirmed = True
            session.add(admin)
            await session.flush()
            session.add(RoleGrant(account_id=admin.id, role="admin", region=NATIONAL))
        return generated
    finally:
        await db.dispose()


def main() -> None:
    generated = asyncio.run(seed_admin(IdentitySettings.from_env()))
    if generated:
        print(f"administrator password (shown once): {generated}")


if __name__ == "__main__":
    main()

"""Token endpoint and partner-client models."""

from pydantic import BaseModel, ConfigDict, Field

from shared.schemas import Strict


class TokenRead(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    refresh_token: str | None = None
    scope: str = ""


class ClientCreate(Strict):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2, max_length=200)
    scopes: list[str] = Field(min_length=1, max_length=50)


class ClientCredentials(BaseModel):
    client_id: str
    client_secret: str
    scopes: list[str]


class KeyRotation(Strict):
    active_kid: str

"""The gateway's own schema: only its audit log of refused requests."""

from shared import audit
from shared.db import service_metadata

metadata = service_metadata("gateway")
audit.audit_table.to_metadata(metadata, schema="gateway")

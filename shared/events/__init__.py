"""Domain events: CloudEvents 1.0 envelopes, a transactional outbox, its relay, and consumers.

from shared.events import Event, event, outbox

@event("identity", "account", "registered")
class AccountRegistered(Event): ...

await outbox.add(session, AccountRegistered(...), subject=str(account.id))
"""

from shared.events.envelope import Event, envelope, event, registry

__all__ = ["Event", "envelope", "event", "registry"]

"""A Redis lock store whose lock is atomic, for several Rasa servers sharing one tracker store.

Rasa 3.6's ``RedisLockStore`` issues and returns tickets with a read-modify-write of one Redis
key (GET, change, SET). When two servers take a message of the same conversation at the same
moment, both can read "no lock", both get ticket 0 and both run: each loads the same tracker and
one turn's events are lost (tests/robust/test_scale_out.py shows it). Here the lock is one
``SET key token NX PX lifetime``, released only by its owner (compare-and-delete in Lua).
Configured in endpoints.yml as ``lock_store: {type: bot.lock_store.AtomicRedisLockStore, ...}``
with the same keys as Rasa's ``redis`` lock store.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

POLL_SECONDS = 0.02  # Rasa's own lock store waits a whole second between tries

# Delete the key only if it still holds our token (the lock may have expired and been retaken).
RELEASE = (
    "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end "
    "return 0"
)


class AtomicRedisLockStore(RedisLockStore):
    """One conversation's messages are handled one at a time across all Rasa servers."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # how Rasa builds a lock store of a custom type
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        super().__init__(**kwargs)

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: Text,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = POLL_SECONDS,
    ) -> AsyncGenerator[TicketLock, None]:
        """Hold the conversation's lock; give up with ``LockError`` after ``lock_lifetime``."""
        key = self.key_prefix + conversation_id
        token = uuid.uuid4().hex
        give_up = time.monotonic() + lock_lifetime
        while not self.red.set(key, token, nx=True, px=max(1, int(lock_lifetime * 1000))):
            if time.monotonic() > give_up:
                raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
            await asyncio.sleep(min(wait_time_in_seconds, POLL_SECONDS))
        try:
            yield TicketLock(conversation_id)
        finally:
            self.red.eval(RELEASE, 1, key, token)

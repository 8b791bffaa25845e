"""Text that every database and every HTTP response can hold.

Patients can send anything: Rasa keeps a NUL or a lone surrogate as a valid JSON escape in
``events``, but PostgreSQL text refuses NUL and UTF-8 cannot encode a lone surrogate, so the
review app would fail to index, store or show such a conversation. Both become U+FFFD.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# In raw JSON: a \u0000 escape or a surrogate escape (valid pairs are decoded whole by json).
_RAW_HINT = re.compile(r"\\u(?:0000|[dD][89a-fA-F])")


def storable(text: str) -> str:
    """``text`` with NUL and lone surrogates replaced by U+FFFD."""
    return _UNSTORABLE.sub(REPLACEMENT, text)


def storable_value(value: Any) -> Any:
    """Every string inside a decoded JSON value (keys included) made ``storable``."""
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, dict):
        return {storable_value(k): storable_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [storable_value(v) for v in value]
    return value


def may_hold_unstorable(raw_json: str) -> bool:
    """Cheap pre-check on an event's raw JSON: only then is the decoded value walked."""
    return "\x00" in raw_json or _RAW_HINT.search(raw_json) is not None

"""Every change this project makes inside the Rasa server process, installed once per process.

Rasa 3.6 OSS loads code of ours only by the module paths in endpoints.yml and credentials.yml;
the tracker store (``PrivacySQLTrackerStore``) is in every set-up's endpoints, so it calls
``install()``. Each hook is a small module that says why it exists.
"""

from __future__ import annotations

from bot import action_response_check, fault_replies, response_values


def install() -> None:
    """Idempotent: Rasa may build more than one tracker store in a process."""
    fault_replies.install()
    action_response_check.install()
    response_values.install()

"""rasa_sdk custom actions, thin adapters over trials_db.

Run with `rasa run actions --actions bot.actions`; importing this package registers them all.
"""

from . import alerts, contact, edss, language, result_questions, results, safety, screening, session  # noqa: F401

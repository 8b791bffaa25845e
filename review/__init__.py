"""Coordinator review app: transcripts, pre-screening log and referrals over Rasa's tracker store.

Reads the ``events`` table the bot writes (never writes there) and keeps its own ``review_*``
tables beside it. See docs/review-app.md for routes, settings and the data it keeps.
"""

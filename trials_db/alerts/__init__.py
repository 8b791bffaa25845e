"""Alerts for new studies: saved profiles, re-matching after a refresh, an outbox that sends them.

Kept import-free so ``trials_db.models`` can register the tables without loading the matcher.
"""

"""Store, importer, criteria parser and matcher for MS clinical trials.

Plain Python (SQLAlchemy, spaCy rules): no Rasa import, so the bot, the CLI, the
coordinator app and the benchmarks can all use it.
"""

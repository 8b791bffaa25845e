"""rasa_sdk custom actions: thin adapters over trials_db (run with `rasa run actions --actions bot.actions`)."""

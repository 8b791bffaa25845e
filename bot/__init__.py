"""The Rasa project parts of the MS trial-matching bot (data, actions, channels)."""

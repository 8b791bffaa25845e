"""Custom Rasa NLU components of the project (loaded by module path from config.yml)."""

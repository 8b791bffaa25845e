"""Messaging channels (Telegram, Slack, Facebook Messenger) as small subclasses of Rasa's own.

They render bot replies the way each platform can show them: plain text split under the
platform's length limit, native buttons where they fit, numbered options where they don't.
"""

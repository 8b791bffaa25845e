"""credentials.yml: REST and socket.io always on; messaging channels on when their env vars are
set."""

from __future__ import annotations

import yaml
from rasa.core.run import create_http_input_channels

from bot.channels.facebook import FacebookInput
from bot.channels.slack import SlackInput
from bot.channels.telegram import TelegramInput
from scripts.channels import effective_credentials, write_effective

from .conftest import ROOT

BASE = (ROOT / "credentials.yml").read_text()
ALL_CHANNELS = {
    "TELEGRAM_TOKEN": "123456:TEST-token",
    "TELEGRAM_VERIFY": "ms_trials_test_bot",
    "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
    "SLACK_TOKEN": "xoxb-test",
    "SLACK_CHANNEL": "C0TEST",
    "SLACK_SIGNING_SECRET": "s3cret",
    "FACEBOOK_VERIFY": "verify-me",
    "FACEBOOK_SECRET": "app-secret",
    "FACEBOOK_PAGE_ACCESS_TOKEN": "page-token",
}


def test_without_env_only_rest_and_socketio_are_on():
    report = effective_credentials(BASE, {})
    assert report.on == ["rest", "socketio"]
    assert report.off["telegram"] == ["TELEGRAM_TOKEN", "TELEGRAM_VERIFY", "TELEGRAM_WEBHOOK_URL"]
    assert set(report.off) == {"telegram", "slack", "facebook"}
    assert "${" not in report.text
    assert yaml.safe_load(report.text)["socketio"]["session_persistence"] is True


def test_a_channel_needs_all_its_variables_and_secrets_stay_out_of_the_file():
    env = {k: v for k, v in ALL_CHANNELS.items() if not k.startswith("SLACK_CHANNEL")}
    report = effective_credentials(BASE, env)
    assert report.on == ["rest", "socketio", "telegram", "facebook"]
    assert report.off == {"slack": ["SLACK_CHANNEL"]}
    assert "${TELEGRAM_TOKEN}" in report.text
    assert not any(secret in report.text for secret in ALL_CHANNELS.values())
    assert "slack" in report.summary() and "SLACK_CHANNEL" in report.summary()


def test_rasa_loads_our_channel_classes_from_the_effective_file(tmp_path, monkeypatch):
    for key, value in ALL_CHANNELS.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "credentials.yml"
    write_effective(ROOT / "credentials.yml", path, ALL_CHANNELS)
    channels = {c.name(): c for c in create_http_input_channels(None, str(path))}
    assert set(channels) == {"rest", "socketio", "telegram", "slack", "facebook"}
    assert isinstance(channels["telegram"], TelegramInput)
    assert channels["telegram"].access_token == "123456:TEST-token"  # expanded by Rasa
    assert isinstance(channels["slack"], SlackInput)
    assert isinstance(channels["facebook"], FacebookInput)
    assert channels["facebook"].api_url == "https://graph.facebook.com"  # the real one by default

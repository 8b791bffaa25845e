"""Start the whole stack the way ``make run`` does: action server, Rasa, web app (and the
coordinator review app, on for ``make run``, off by default in ``Stack``).

Used by ``make run`` (foreground, Ctrl-C stops everything) and by the tests and benchmarks
that need the real servers (``Stack`` as a context manager). Logs go to ``data/logs/``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from scripts.channels import ChannelReport, write_effective

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
LOG_DIR = ROOT / "data" / "logs"
MODEL_PATH = ROOT / "models"

BASE_ENV = {
    "PYTHONPATH": str(ROOT),  # so Rasa finds bot.tracker_store and the actions find trials_db
    "RASA_TELEMETRY_ENABLED": "false",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "PYTHONUNBUFFERED": "1",
}


class StackError(RuntimeError):
    """A server did not come up; the message points at its log."""


def wait_http(url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    """Wait until ``url`` answers HTTP 200, the process dies, or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise StackError(f"process for {url} exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.5)
    raise StackError(f"{url} did not answer within {timeout:.0f} s")


@dataclass
class Server:
    name: str
    cmd: list[str]
    health_url: str
    log_path: Path
    env: dict[str, str] = field(default_factory=dict)
    proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")
        env = {**os.environ, **BASE_ENV, **self.env}
        self.proc = subprocess.Popen(
            self.cmd,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 15) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        try:
            os.killpg(self.proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"


@dataclass
class Stack:
    """The three servers on their ports; ``with Stack() as s:`` starts and stops them."""

    rasa_port: int = 5005
    actions_port: int = 5055
    web_port: int = 8080
    endpoints: str = "endpoints.yml"
    credentials: str = "credentials.yml"
    model: str = str(MODEL_PATH)
    log_dir: Path = LOG_DIR
    env: dict[str, str] = field(default_factory=dict)
    with_web: bool = True
    # --- coordinator review app (issue #6): off unless asked, so tests that build a Stack
    # on their own free ports never collide on the review app's port.
    review_port: int = 8090
    with_review: bool = False
    # --- end review app
    servers: list[Server] = field(default_factory=list)
    # --- chat channels (issue #5) ---
    rasa_args: list[str] = field(default_factory=list)  # extra `rasa run` flags (tests: the API)
    channels: ChannelReport | None = None  # which channels are on, set by build()

    @property
    def effective_credentials(self) -> Path:
        """Rasa's credentials: ours minus the channels whose env variables are unset."""
        return ROOT / "var" / f"credentials-{self.rasa_port}.yml"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.web_port}"

    @property
    def review_url(self) -> str:
        return f"http://127.0.0.1:{self.review_port}"

    def build(self) -> None:
        self.channels = write_effective(
            ROOT / self.credentials, self.effective_credentials, {**os.environ, **self.env}
        )
        self.servers = [
            Server(
                "actions",
                [
                    str(VENV_BIN / "rasa"),
                    "run",
                    "actions",
                    "--actions",
                    "bot.actions",
                    "--port",
                    str(self.actions_port),
                ],
                f"http://127.0.0.1:{self.actions_port}/health",
                self.log_dir / "actions.log",
                self.env,
            ),
            Server(
                "rasa",
                [
                    str(VENV_BIN / "rasa"),
                    "run",
                    "--model",
                    self.model,
                    "--port",
                    str(self.rasa_port),
                    "--interface",
                    "127.0.0.1",
                    "--credentials",
                    str(self.effective_credentials),
                    "--endpoints",
                    self.endpoints,
                    "--cors",
                    "*",
                    *self.rasa_args,
                ],
                f"{self.rasa_url}/",
                self.log_dir / "rasa.log",
                self.env,
            ),
        ]
        if self.with_web:
            self.servers.append(
                Server(
                    "web",
                    [
                        str(VENV_BIN / "python"),
                        "-m",
                        "web",
                        "--port",
                        str(self.web_port),
                        "--rasa-url",
                        self.rasa_url,
                    ],
                    f"{self.web_url}/health",
                    self.log_dir / "web.log",
                    self.env,
                )
            )
        # --- coordinator review app (issue #6): reads the tracker store named in the same
        # endpoints file; plain http on 127.0.0.1, hence cookies without Secure.
        if self.with_review:
            self.servers.append(
                Server(
                    "review",
                    [
                        str(VENV_BIN / "python"),
                        "-m",
                        "review",
                        "serve",
                        "--port",
                        str(self.review_port),
                        "--endpoints",
                        self.endpoints,
                        "--insecure-cookie",
                    ],
                    f"{self.review_url}/health",
                    self.log_dir / "review.log",
                    self.env,
                )
            )
        # --- end review app

    def start(self, timeout: float = 240) -> "Stack":
        if not self.servers:
            self.build()
        for server in self.servers:
            server.start()
        for server in self.servers:
            try:
                wait_http(server.health_url, timeout, server.proc)
            except StackError as exc:
                self.stop()
                raise StackError(
                    f"{server.name}: {exc}\n--- {server.log_path} ---\n" f"{server.log_tail()}"
                ) from None
        return self

    def server(self, name: str) -> Server:
        return next(s for s in self.servers if s.name == name)

    def stop(self) -> None:
        for server in reversed(self.servers):
            server.stop()
        self.effective_credentials.unlink(missing_ok=True)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the MS trial bot stack in the foreground.")
    parser.add_argument("--rasa-port", type=int, default=int(os.environ.get("RASA_PORT", 5005)))
    parser.add_argument("--web-port", type=int, default=int(os.environ.get("WEB_PORT", 8080)))
    parser.add_argument("--endpoints", default=os.environ.get("RASA_ENDPOINTS", "endpoints.yml"))
    parser.add_argument(
        "--review-port", type=int, default=int(os.environ.get("REVIEW_PORT", 8090))
    )  # review app (#6)
    args = parser.parse_args(argv)

    stack = Stack(
        rasa_port=args.rasa_port,
        web_port=args.web_port,
        endpoints=args.endpoints,
        review_port=args.review_port,
        with_review=True,
    )
    print("Starting the action server, Rasa and the web app (Rasa takes about a minute)...")
    try:
        stack.start()
    except StackError as exc:
        print(f"Could not start: {exc}", file=sys.stderr)
        return 1
    if stack.channels is not None:
        print(stack.channels.summary())
    print(
        f"""
Ready.
  Web page and chat:   {stack.web_url}/
  Trial API:           {stack.web_url}/api/trials?status=RECRUITING
  Bot over REST:       POST {stack.rasa_url}/webhooks/rest/webhook  \
{{"sender": "me", "message": "hi"}}
  Embed the chat:      <script src="{stack.web_url}/widget/ms-chat-widget.js" \
data-server="{stack.rasa_url}" defer></script>
  Coordinator review:  {stack.review_url}/
                       first admin: .venv/bin/python -m review create-user NAME --role admin
  Logs:                {stack.log_dir}/
Press Ctrl-C to stop.""",
        flush=True,
    )

    stopping = False

    def on_signal(_sig: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    code = 0
    while not stopping:
        for server in stack.servers:
            if server.proc is not None and server.proc.poll() is not None:
                print(
                    f"\n{server.name} stopped (exit code {server.proc.returncode}):\n"
                    f"{server.log_tail()}",
                    file=sys.stderr,
                )
                stopping, code = True, 1
        time.sleep(0.5)
    print("\nStopping...")
    stack.stop()
    return code


if __name__ == "__main__":
    sys.exit(main())

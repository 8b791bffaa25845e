"""A minimal loopback SMTP server (asyncio; aiosmtpd is not installed) that records messages.

Speaks enough of RFC 5321 for smtplib: EHLO/HELO, MAIL, RCPT, DATA (dot-unstuffed), RSET, NOOP,
QUIT. No STARTTLS and no AUTH, so clients send in the clear, as to a local relay. ``fail_next``
makes the next transactions answer a temporary error (451) to MAIL FROM.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message


@dataclass
class Received:
    mail_from: str
    rcpt_to: list[str]
    data: bytes

    @property
    def message(self) -> Message:
        return message_from_bytes(self.data)


@dataclass
class FakeSmtpServer:
    messages: list[Received] = field(default_factory=list)
    fail_next: int = 0
    port: int = 0

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        def say(line: str) -> None:
            writer.write(line.encode() + b"\r\n")

        say("220 fake-smtp ready")
        mail_from, rcpt = None, []
        while True:
            raw = await reader.readline()
            if not raw:
                break
            verb, _, arg = raw.decode(errors="replace").strip().partition(" ")
            verb = verb.upper()
            if verb == "EHLO":
                say("250-fake-smtp")
                say("250 8BITMIME")
            elif verb == "HELO":
                say("250 fake-smtp")
            elif verb == "MAIL":
                if self.fail_next:
                    self.fail_next -= 1
                    say("451 4.3.0 try again later")
                else:
                    mail_from, rcpt = arg.partition(":")[2].strip(" <>"), []
                    say("250 OK")
            elif verb == "RCPT":
                rcpt.append(arg.partition(":")[2].strip(" <>"))
                say("250 OK")
            elif verb == "DATA":
                say("354 end with <CRLF>.<CRLF>")
                await writer.drain()
                lines = []
                while True:
                    line = await reader.readline()
                    if line in (b".\r\n", b".\n", b""):
                        break
                    lines.append(line[1:] if line.startswith(b"..") else line)
                self.messages.append(Received(mail_from or "", rcpt, b"".join(lines)))
                say("250 OK queued")
            elif verb == "RSET":
                mail_from, rcpt = None, []
                say("250 OK")
            elif verb == "NOOP":
                say("250 OK")
            elif verb == "QUIT":
                say("221 bye")
                await writer.drain()
                break
            else:
                say("502 command not implemented")
            await writer.drain()
        writer.close()

    def start(self) -> "FakeSmtpServer":
        started = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            server = self._loop.run_until_complete(
                asyncio.start_server(self._session, "127.0.0.1", 0)
            )
            self.port = server.sockets[0].getsockname()[1]
            started.set()
            self._loop.run_forever()
            server.close()
            self._loop.run_until_complete(server.wait_closed())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="fake-smtp", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("fake SMTP server did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def __enter__(self) -> "FakeSmtpServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

"""A PostgreSQL server of our own (initdb + pg_ctl in a temp dir, on a free port) that a test
may stop and start: the machine's shared server is used by others and must never be stopped."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from scripts.isolated import free_port


def _bin_dir() -> Path | None:
    """Debian's server binaries (initdb, pg_ctl are not on the PATH there), newest first."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PostgresServer:
    """``start()``/``stop()`` a private cluster; as root, it runs as the ``postgres`` user."""

    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="robust-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"

    @property
    def available(self) -> bool:
        return self.bin is not None

    def _run(self, *cmd: str, timeout: float = 60) -> subprocess.CompletedProcess:
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        return subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=timeout)

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres", "postgres")
        done = self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--no-sync",
        )
        if done.returncode != 0:
            raise RuntimeError(f"initdb failed: {done.stderr[-2000:]}")

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c max_connections=40"
        )
        done = self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
            timeout=90,
        )
        if done.returncode != 0:
            raise RuntimeError(
                f"pg_ctl start failed: {done.stderr[-1000:]}\n"
                f"{self.log.read_text(errors='replace')[-2000:]}"
            )

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``fast`` ends the open connections, as a shutdown or crash would."""
        if (self.data / "postmaster.pid").exists():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

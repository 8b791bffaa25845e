"""Which chat channels are on: ``credentials.yml`` minus the blocks whose ``${VARIABLES}``
are unset.

Rasa refuses to start when a ``${VAR}`` in its credentials file is unset, so the launcher gives
it an effective copy holding only the channel blocks whose variables are all set. The copy keeps
the ``${VAR}`` placeholders (Rasa expands them), so no secret is ever written to disk.

    python -m scripts.channels                  # which channels are on, and what the others need
    python -m scripts.channels --write out.yml  # write the effective credentials file
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
TOP_LEVEL_KEY = re.compile(r"^([^\s#][^:]*):")


@dataclass
class Block:
    """One top-level entry of the credentials file with the comment lines just above it."""

    key: str
    lines: list[str]

    @property
    def name(self) -> str:
        """``telegram`` for ``bot.channels.telegram.TelegramInput``; ``rest`` for ``rest``."""
        parts = self.key.split(".")
        return parts[-2] if len(parts) > 1 else self.key

    @property
    def variables(self) -> list[str]:
        found: list[str] = []
        for line in self.lines:
            if not line.lstrip().startswith("#"):
                found += [v for v in VARIABLE.findall(line) if v not in found]
        return found


@dataclass
class ChannelReport:
    """The effective file's text, the channels that are on, and what each one that is off lacks."""

    text: str
    on: list[str] = field(default_factory=list)
    off: dict[str, list[str]] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [f"Channels on: {', '.join(self.on) or 'none'}"]
        lines += [
            f"  {name} is off: set {', '.join(missing)}" for name, missing in self.off.items()
        ]
        return "\n".join(lines)


def parse_blocks(text: str) -> tuple[list[str], list[Block]]:
    """Split the file into its leading lines and its top-level blocks (comments go with the
    next)."""
    head: list[str] = []
    blocks: list[Block] = []
    pending: list[str] = []
    for line in text.splitlines(keepends=True):
        match = TOP_LEVEL_KEY.match(line)
        if match:
            blocks.append(Block(match.group(1).strip().strip("'\""), pending + [line]))
            pending = []
        elif blocks and line[:1] in (" ", "\t"):
            blocks[-1].lines += pending + [line]
            pending = []
        elif not blocks and not line.strip():
            head += pending + [line]
            pending = []
        else:
            pending.append(line)
    if blocks:
        blocks[-1].lines += pending
    else:
        head += pending
    return head, blocks


def effective_credentials(text: str, env: Mapping[str, str]) -> ChannelReport:
    """Keep the blocks whose variables are all set (and non-empty) in ``env``."""
    head, blocks = parse_blocks(text)
    report = ChannelReport(text="")
    kept: list[str] = list(head)
    for block in blocks:
        missing = [v for v in block.variables if not env.get(v)]
        if missing:
            report.off[block.name] = missing
        else:
            report.on.append(block.name)
            kept += block.lines
    report.text = "".join(kept)
    return report


def write_effective(base: Path, out: Path, env: Mapping[str, str]) -> ChannelReport:
    """Write the effective credentials for ``env`` to ``out``; return what is on and off."""
    report = effective_credentials(base.read_text(encoding="utf-8"), env)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.text, encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("credentials", nargs="?", default="credentials.yml")
    parser.add_argument("--write", metavar="PATH", help="write the effective credentials here")
    args = parser.parse_args(argv)
    base = Path(args.credentials)
    if args.write:
        report = write_effective(base, Path(args.write), os.environ)
    else:
        report = effective_credentials(base.read_text(encoding="utf-8"), os.environ)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The command line loads a command's module only when that command runs (#13.4).

``--help`` lists every command from ``cli.COMMANDS`` without importing any of them, so neither it nor a
light command pays for altair, openpyxl, weasyprint, httpx, jsonschema or the PACT client.
"""

from __future__ import annotations

import json
import subprocess
import sys

import click
import pytest

from cfp_core.cli import COMMANDS, cli

HEAVY = ("altair", "openpyxl", "weasyprint", "httpx", "jsonschema", "cryptography", "pandas", "sqlite_utils")
PROBE = """
import json, sys
from click.testing import CliRunner
from cfp_core.cli import cli
HEAVY = json.loads(sys.argv[1])
result = CliRunner().invoke(cli, sys.argv[2:])
print(json.dumps({"exit": result.exit_code, "output": result.output,
                  "loaded": sorted(m for m in HEAVY if m in sys.modules)}))
"""


def _probe(*args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(HEAVY), *args], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_help_lists_every_command_and_loads_none_of_them():
    shown = _probe("--help")
    assert shown["exit"] == 0 and shown["loaded"] == []
    assert all(name in shown["output"] for name in COMMANDS)


def test_a_light_command_loads_only_what_it_needs():
    shown = _probe("check-exposure", "--help")
    assert shown["exit"] == 0
    assert not {"altair", "weasyprint", "httpx", "jsonschema", "openpyxl"} & set(shown["loaded"])


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_registered_command_loads_under_its_name_with_the_listed_help(name):
    command = cli.get_command(click.Context(cli), name)
    assert command is not None and command.name in (name, COMMANDS[name][1].removesuffix("_command"))
    first_words = " ".join(COMMANDS[name][2].split()[:2])
    assert command.help and command.help.startswith(first_words), (name, command.help[:60])
    assert any("--lang" in p.opts for p in command.params)  # --lang after the subcommand works too


def test_suppliers_pull_is_attached():
    suppliers = cli.get_command(click.Context(cli), "suppliers")
    assert "pull" in suppliers.commands

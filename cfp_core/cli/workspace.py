"""Workspace commands: ``check-exposure`` (run by scripts/run.sh) and ``members`` (list, add, remove)."""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

import click

from cfp_core import store
from cfp_core.access import Role, check_exposure
from cfp_core.cli.common import acting_principal, cli_database
from cfp_core.errors import CfpError
from cfp_core.i18n import t


def secrets_files(root: Path | None = None) -> list[Path]:
    """Where Streamlit reads secrets from: the project's ``.streamlit/secrets.toml``, then the user's."""
    return [(root or Path.cwd()) / ".streamlit" / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml"]


def sign_in_configured(root: Path | None = None) -> bool:
    """Return True if a secrets file holds an ``[auth]`` section (Streamlit's OIDC sign-in)."""
    for path in secrets_files(root):
        try:
            if "auth" in tomllib.loads(path.read_text(encoding="utf-8")):
                return True
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return False


@click.command("check-exposure")
@click.option("--address", required=True, help="The address the workspace will listen on.")
def check_exposure_command(address: str) -> None:
    """Refuse (exit 2) to serve the workspace beyond this machine without sign-in configured."""
    lang = (click.get_current_context().obj or {}).get("lang", "en")
    try:
        check_exposure(address, sign_in_configured(), os.environ.get("CFP_INSECURE_PUBLIC_DEMO", "") == "1")
    except CfpError as error:
        click.echo(error.message(lang), err=True)
        sys.exit(2)
    if os.environ.get("CFP_INSECURE_PUBLIC_DEMO", "") == "1" and not sign_in_configured():
        click.echo(t("cli.insecure_demo", lang, address=address), err=True)


@click.group("members")
def members_group() -> None:
    """Members of the organisation and their roles (the command line acts as an administrator)."""


@members_group.command("list")
def members_list() -> None:
    """List the members and their roles."""
    with cli_database() as db:
        principal = acting_principal(db)
        for m in store.list_members(db, principal.org_id):
            click.echo(f"{m.email or '-'}\t{m.subject or '-'}\t{','.join(sorted(r.value for r in m.roles))}")


@members_group.command("add")
@click.option("--email", default="", help="E-mail address the person signs in with.")
@click.option("--subject", default="", help="OIDC subject, if known instead of the address.")
@click.option("--name", default="")
@click.option("--role", "roles", multiple=True, required=True, type=click.Choice([r.value for r in Role]))
def members_add(email: str, subject: str, name: str, roles: tuple[str, ...]) -> None:
    """Add a member or set their roles."""
    with cli_database() as db:
        member = store.set_member(db, acting_principal(db), email=email, subject=subject, name=name, roles=roles)
        click.echo(f"{member.member_key}\t{','.join(sorted(r.value for r in member.roles))}")


@members_group.command("remove")
@click.option("--email", default="")
@click.option("--subject", default="")
def members_remove(email: str, subject: str) -> None:
    """Remove a member (their roles end; the history stays)."""
    with cli_database() as db:
        member = store.set_member(db, acting_principal(db), email=email, subject=subject, roles=())
        click.echo(f"{member.member_key}\tremoved")

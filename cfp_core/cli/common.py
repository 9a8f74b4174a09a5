"""What every CLI command module shares: the database session and error translation."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

import click
from pydantic import ValidationError
from sqlite_utils import Database

from cfp_core import store
from cfp_core.access import Principal, cli_principal
from cfp_core.errors import CfpError
from cfp_core.store import seed
from cfp_core.validation import describe


@contextlib.contextmanager
def cli_database(ctx: click.Context | None = None, seed_if_empty: bool = True) -> Iterator[Database]:
    """Open the command's database (seeding an empty one) and turn core errors into ``ClickException``.

    Errors are rendered in the ``--lang`` language and exit with status 1, never as a traceback.
    """
    obj = (ctx or click.get_current_context()).obj or {}
    lang = obj.get("lang", "en")
    db = store.open_db(obj.get("db_path"))
    try:
        if seed_if_empty and not seed.is_seeded(db):
            seed.seed_database(db)
        yield db
    except CfpError as error:
        raise click.ClickException(error.message(lang)) from error
    except ValidationError as error:
        raise click.ClickException("\n".join(describe(error, lang))) from error
    finally:
        db.close()


def acting_principal(db: Database, ctx: click.Context | None = None) -> Principal:
    """The named local principal this command acts as: ``--as`` / ``$CFP_CLI_AS``, else ``$USER``."""
    obj = (ctx or click.get_current_context()).obj or {}
    name = obj.get("as") or os.environ.get("USER") or "cli"
    orgs = store.list_organisations(db)
    return cli_principal(orgs[0].org_id if orgs else "my-company", name)

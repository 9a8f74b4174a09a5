"""What every CLI command module shares: the database session and error translation."""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import stat
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click
from pydantic import ValidationError

from cfp_core.access import Principal, cli_principal
from cfp_core.errors import CfpError
from cfp_core.i18n import t
from cfp_core.validation import MAX_FILE_BYTES, MAX_UPLOAD_MB, describe

if TYPE_CHECKING:
    from sqlite_utils import Database

# The store (sqlite-utils, which loads pandas) is imported by the functions that open it, not here: the
# top-level group and ``--help`` load without it (#13.4).


@contextlib.contextmanager
def cli_database(ctx: click.Context | None = None, seed_if_empty: bool = True) -> Iterator[Database]:
    """Open the command's database (seeding an empty one) and turn core errors into ``ClickException``.

    Errors are rendered in the ``--lang`` language and exit with status 1, never as a traceback.
    """
    from cfp_core import store
    from cfp_core.store import seed

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
    from cfp_core import store

    obj = (ctx or click.get_current_context()).obj or {}
    name = obj.get("as") or os.environ.get("USER") or "cli"
    orgs = store.list_organisations(db)
    return cli_principal(orgs[0].org_id if orgs else "my-company", name)


def read_input(path: str | Path) -> bytes:
    """Return the bytes of a regular file of at most ``MAX_FILE_BYTES``, checked before anything is read.

    Raises ``ImportRejected`` for a FIFO, device (a symlink to /dev/zero) or folder, or a file that is too large.
    """
    from cfp_core.io.tabular import reject_file

    target = Path(path)
    info = target.stat()  # follows symlinks: the file that would be read
    if not stat.S_ISREG(info.st_mode):
        raise reject_file(str(path), "io.file.not_regular")
    if info.st_size > MAX_FILE_BYTES:
        raise reject_file(target.name, "io.file.too_large", size=f"{info.st_size / 1048576:.1f}", limit=MAX_UPLOAD_MB)
    with target.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:  # grew while being read
        raise reject_file(target.name, "io.file.too_large", size=f"{len(data) / 1048576:.1f}", limit=MAX_UPLOAD_MB)
    return data


# Exit codes of ``python -m cfp_core`` (README, Command line): 0 done, 1 refused or failed (a localized
# message; an unexpected error adds an error id and logs its traceback), 2 wrong usage (click).
EXIT_ERROR = 1


def error_log_path(obj: dict) -> Path:
    """Where unexpected CLI errors are logged: ``$CFP_ERROR_LOG``, else ``logs/cli-errors.log`` beside the database."""
    if os.environ.get("CFP_ERROR_LOG"):
        return Path(os.environ["CFP_ERROR_LOG"])
    from cfp_core.store.db import db_path

    return Path(obj.get("db_path") or db_path()).resolve().parent / "logs" / "cli-errors.log"


class HandledGroup(click.Group):
    """The top-level command group: no traceback reaches the terminal unless ``--debug`` is given.

    ``CfpError`` (and pydantic validation errors) become their localized message; anything else gets an
    error id, its traceback is appended to ``error_log_path`` and the user sees the id and the log's path.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader went away (``… | head``): not an error of ours
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # so the interpreter's final flush is quiet
            raise click.exceptions.Exit(0) from None
        except Exception as error:
            obj = ctx.obj or {}
            if obj.get("debug"):
                raise
            lang = obj.get("lang", "en")
            if isinstance(error, CfpError):
                raise click.ClickException(error.message(lang)) from None
            if isinstance(error, ValidationError):
                raise click.ClickException("\n".join(describe(error, lang))) from None
            error_id, log = _log_unexpected(error, obj)
            raise click.ClickException(t("error.unexpected", lang, error_id=error_id, log=log)) from None


def _log_unexpected(error: Exception, obj: dict) -> tuple[str, str]:
    error_id = secrets.token_hex(4)
    log = error_log_path(obj)
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(f"--- error {error_id}\n{''.join(traceback.format_exception(error))}\n")
    except OSError:
        logging.getLogger(__name__).exception("error %s", error_id)
        log = Path("stderr")
    return error_id, str(log)

"""Reading stored records back: a payload that no longer parses is a named, localized error (#14.4)."""

from __future__ import annotations

import logging

from pydantic import BaseModel, ValidationError

from cfp_core.errors import CfpError
from cfp_core.i18n import Msg

_log = logging.getLogger(__name__)


class RecordUnreadable(CfpError, ValueError):
    """A stored record does not parse (it was written around the core): ``what``, ``ident``; details are logged."""

    key = "error.record_unreadable"


def parse(model: type[BaseModel], payload: str, what: str, ident: str):
    """Return ``model`` parsed from a stored ``payload``; raise ``RecordUnreadable`` (and log why) if it cannot be."""
    try:
        return model.model_validate_json(payload)
    except ValidationError as error:
        _log.error("stored %s %r cannot be read: %s", what, ident, error)
        raise RecordUnreadable(what=Msg(f"what.{what}"), ident=ident) from None

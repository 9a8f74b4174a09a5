"""The card's content hash: which canonical JSON each card schema hashes, and how anyone checks it.

A card's ``content`` (the ``schema``, the snapshot metadata and the disclosure) is hashed with SHA-256
over its canonical JSON, encoded as UTF-8:

- ``cfp-card/2`` (from 2026-12): RFC 8785, the JSON Canonicalization Scheme, so that anybody can
  recompute the hash with any JCS library (Python ``rfc8785``, JavaScript ``canonicalize``, Java
  ``json-canonicalization``) without our code: sorted keys, no whitespace, numbers as ECMAScript prints
  them (``0.0`` is ``0``, ``1e-7`` is ``1e-7``);
- ``cfp-card/1`` (earlier snapshots, never rewritten): Python's ``json.dumps(sort_keys=True,
  separators=(",", ":"), ensure_ascii=False)``, which is not RFC 8785 (``0.0`` stays ``0.0``).

Nothing here rounds or re-reads numbers: the hash is over the JSON exactly as stored.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import rfc8785

from cfp_core import store
from cfp_core.errors import CfpError

SCHEMA = "cfp-card/2"
LEGACY_SCHEMAS = ("cfp-card/1",)
SCHEMAS = (SCHEMA, *LEGACY_SCHEMAS)
HASH_ALGORITHM = "sha256"
HASH_OF = {
    "cfp-card/2": "SHA-256 of the RFC 8785 (JSON Canonicalization Scheme) serialisation of content, UTF-8",
    "cfp-card/1": "SHA-256 of content as json.dumps(sort_keys=True, separators=(',', ':'), ensure_ascii=False), "
                  "UTF-8 (before RFC 8785)",
}


class CardUnreadable(CfpError, ValueError):
    """A file given as a card document is not one (not JSON, no ``content``/``content_hash``, unknown schema)."""

    key = "card.verify.error.json"


def canonical_text(content: dict) -> str:
    """Return the canonical JSON of a card's ``content`` in the form its ``schema`` names (what is stored)."""
    schema = content.get("schema") if isinstance(content, dict) else None
    if schema == SCHEMA:
        return rfc8785.dumps(content).decode("utf-8")
    if schema in LEGACY_SCHEMAS:
        return store.canonical_json(content)
    raise CardUnreadable("card.verify.error.schema", schema=str(schema), choices=", ".join(SCHEMAS))


def content_hash(content: dict) -> str:
    """Return the SHA-256 hex digest of ``canonical_text(content)``."""
    return hashlib.sha256(canonical_text(content).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CardCheck:
    """The outcome of checking a card document: its schema, the hash it states and the hash recomputed."""

    schema: str
    stated_hash: str
    recomputed_hash: str

    @property
    def ok(self) -> bool:
        return self.stated_hash == self.recomputed_hash


def check_card_document(text: str | bytes) -> CardCheck:
    """Check a downloaded card JSON (``card.json``): recompute the hash of its ``content``.

    Raises ``CardUnreadable`` (localized) if the text is not a card document.
    """
    try:
        document = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise CardUnreadable("card.verify.error.json") from None
    if not isinstance(document, dict) or not isinstance(document.get("content"), dict) \
            or not isinstance(document.get("content_hash"), str):
        raise CardUnreadable("card.verify.error.shape")
    if document.get("hash_algorithm", HASH_ALGORITHM) != HASH_ALGORITHM:
        raise CardUnreadable("card.verify.error.algorithm", algorithm=str(document.get("hash_algorithm")))
    content = document["content"]
    try:
        recomputed = content_hash(content)
    except (rfc8785.CanonicalizationError, ValueError, RecursionError):
        raise CardUnreadable("card.verify.error.json") from None
    return CardCheck(schema=content["schema"], stated_hash=document["content_hash"], recomputed_hash=recomputed)

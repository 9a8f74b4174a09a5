"""Every output of a card: dispatch by format, the canonical JSON with its hash, the static bundle."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from cfp_core import store
from cfp_core.errors import UnknownFormat
from cfp_core.publish import integrity
from cfp_core.publish.snapshots import Snapshot, verify_snapshot

FORMATS = ("png", "svg", "pdf", "html", "json", "bundle")
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf",
               "html": "text/html", "json": "application/json", "bundle": "application/zip"}


def card_json(snapshot: Snapshot) -> str:
    """Return the card document: the hashed ``content`` as stored, its SHA-256, how it was computed, and the
    current status (not hashed: a status changes, the content never does).

    ``integrity_check`` is the server's own recomputation when the document was made; anyone can repeat it
    (``integrity.check_card_document``, or any RFC 8785 library and SHA-256).
    """
    content = snapshot.content()
    return store.canonical_json({
        "content": content, "content_hash": snapshot.content_hash, "hash_algorithm": integrity.HASH_ALGORITHM,
        "hash_of": integrity.HASH_OF.get(content.get("schema"), ""),
        "integrity_check": "passed" if verify_snapshot(snapshot) else "failed",
        "status": {"status": snapshot.status, "successor_id": snapshot.successor_id,
                   "reason": snapshot.status_reason},
    })


def render_card(snapshot: Snapshot, fmt: str, lang: str = "zh", base_url: str | None = None) -> bytes:
    """Return the card in one of ``FORMATS`` as bytes (``bundle`` is a zip of the static folder).

    Raises ``UnknownFormat`` for an unknown format, ``CardFontMissing`` if no CJK font is installed (PNG).
    """
    from cfp_core.publish.card import html as card_html
    from cfp_core.publish.card import image as card_image

    renderers = {
        "png": lambda: card_image.card_png(snapshot, lang, base_url),
        "svg": lambda: card_image.card_svg(snapshot, lang, base_url).encode("utf-8"),
        "pdf": lambda: card_html.card_pdf(snapshot, lang, base_url),
        "html": lambda: card_html.card_html(snapshot, lang, base_url).encode("utf-8"),
        "json": lambda: card_json(snapshot).encode("utf-8"),
        "bundle": lambda: card_bundle_zip(snapshot, lang, base_url),
    }
    if fmt not in renderers:
        raise UnknownFormat(fmt=fmt, choices=", ".join(FORMATS))
    return renderers[fmt]()


def card_filename(snapshot: Snapshot, fmt: str) -> str:
    """Return a download file name such as ``WS-TPS-48-900A_2025_v1.png`` (``.zip`` for a bundle)."""
    return f"{snapshot.model_code}_{snapshot.period}_v{snapshot.version}.{'zip' if fmt == 'bundle' else fmt}"


def _bundle_files(snapshot: Snapshot, lang: str, base_url: str | None) -> dict[str, bytes]:
    return {name: render_card(snapshot, fmt, lang, base_url) for name, fmt in
            (("index.html", "html"), ("card.png", "png"), ("card.svg", "svg"), ("card.json", "json"))}


def card_bundle(snapshot: Snapshot, directory: str | Path, lang: str = "zh", base_url: str | None = None) -> list[Path]:
    """Write a static folder (index.html, card.png, card.svg, card.json) any web server can host."""
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in _bundle_files(snapshot, lang, base_url).items():
        (target / name).write_bytes(data)
        paths.append(target / name)
    return paths


def card_bundle_zip(snapshot: Snapshot, lang: str = "zh", base_url: str | None = None) -> bytes:
    """Return the static folder of ``card_bundle`` as a zip archive."""
    buffer = io.BytesIO()
    folder = card_filename(snapshot, "bundle").removesuffix(".zip")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _bundle_files(snapshot, lang, base_url).items():
            archive.writestr(f"{folder}/{name}", data)
    return buffer.getvalue()

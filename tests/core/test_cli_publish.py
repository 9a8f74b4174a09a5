"""``python -m cfp_core publish`` and ``card``: thin shells over cfp_core.publish (snapshots) and cfp_core.publish.card."""

import io
import json
import re

import click
import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from cfp_core import store
from cfp_core.cli import cli
from cfp_core.publish import snapshots as pub


@pytest.fixture
def run(seeded_db_path):
    runner = CliRunner()

    def invoke(*args, lang="en"):
        return runner.invoke(cli, ["--db", str(seeded_db_path), "--lang", lang, *args], catch_exceptions=False)

    return invoke


def _published(output: str) -> dict:
    return dict(re.findall(r"^(\w+)\s+(\S+)$", output, re.M))


def test_publish_prints_id_version_token_and_hash(run, seeded_db_path):
    result = run("publish", "--model", "WS-TPS-48-900A", "--period", "2025")
    assert result.exit_code == 0, result.output
    fields = _published(result.output)
    assert fields["version"] == "1" and len(fields["token"]) >= 43 and len(fields["content_hash"]) == 64
    db = store.open_db(seeded_db_path)
    assert pub.load_snapshot(db, token=fields["token"]).snapshot_id == fields["snapshot_id"]
    db.close()
    assert _published(run("publish", "--model", "WS-TPS-48-900A", "--period", "2025").output)["version"] == "2"


@pytest.mark.parametrize(("lang", "text"), [("zh", "无法发布为碳足迹卡片"), ("en", "Footprint card cannot be published")])
def test_blocking_gaps_exit_1_with_a_localized_message(run, lang, text):
    result = run("publish", "--model", "WS-TPS-48-900A", "--period", "2024", lang=lang)
    assert result.exit_code == 1
    assert text in result.output


def test_demo_data_publishes_for_an_internal_audience(run):
    result = run("publish", "--model", "WS-TPS-48-900A", "--period", "2024", "--audience", "internal")
    assert result.exit_code == 0, result.output


def test_card_formats_by_model_token_and_snapshot(run, tmp_path):
    fields = _published(run("publish", "--model", "WS-TPS-48-900A", "--period", "2025").output)
    assert run("card", "--model", "WS-TPS-48-900A", "--period", "2025", "--format", "png",
               "-o", str(tmp_path / "c.png")).exit_code == 0
    assert Image.open(tmp_path / "c.png").width == 1800
    assert run("card", "--token", fields["token"], "--format", "json", "-o", str(tmp_path / "c.json")).exit_code == 0
    assert json.loads((tmp_path / "c.json").read_text())["content_hash"] == fields["content_hash"]
    assert run("card", "--snapshot", fields["snapshot_id"], "--format", "html", "--lang", "en",
               "-o", str(tmp_path / "c.html")).exit_code == 0
    assert "Language: English" in (tmp_path / "c.html").read_text(encoding="utf-8")
    assert run("card", "--token", fields["token"], "--format", "bundle", "-o", str(tmp_path / "site")).exit_code == 0
    assert (tmp_path / "site" / "index.html").exists() and (tmp_path / "site" / "card.svg").exists()


def test_card_pdf(run, tmp_path):
    run("publish", "--model", "WS-TPS-48-900A", "--period", "2025")
    result = run("card", "--model", "WS-TPS-48-900A", "--period", "2025", "--format", "pdf", "-o", str(tmp_path / "c.pdf"))
    assert result.exit_code == 0
    assert len(PdfReader(io.BytesIO((tmp_path / "c.pdf").read_bytes())).pages) == 1


def test_card_errors(run, tmp_path):
    unknown = run("card", "--token", "not-a-token", "--format", "json", "-o", str(tmp_path / "x.json"), lang="zh")
    assert unknown.exit_code == 1 and "未找到" in unknown.output
    unpublished = run("card", "--model", "WS-TPS-48-900A", "--period", "2023", "--format", "json",
                      "-o", str(tmp_path / "x.json"))
    assert unpublished.exit_code == 1 and "Publish first" in unpublished.output
    assert run("card", "--format", "png", "-o", str(tmp_path / "x.png")).exit_code == 2
    assert not (tmp_path / "x.json").exists()


def test_commands_have_help():
    ctx = click.Context(cli)
    assert cli.get_command(ctx, "publish").help and cli.get_command(ctx, "card").help

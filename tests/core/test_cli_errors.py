"""The CLI's top-level handler (#14): localized messages, an error id for bugs, no traceback; non-files refused."""

from __future__ import annotations

import os

from click.testing import CliRunner

from cfp_core.cli import cli
from cfp_core.cli import data as data_commands


def test_a_fifo_is_refused_before_reading(tmp_path):
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "--lang", "zh", "import", str(fifo)])
    assert result.exit_code == 1 and "不是普通文件" in result.output and "Traceback" not in result.output


def test_an_unexpected_error_shows_an_id_and_logs_the_traceback(tmp_path, monkeypatch):
    log = tmp_path / "errors.log"
    monkeypatch.setenv("CFP_ERROR_LOG", str(log))
    monkeypatch.setattr(data_commands.templates, "read_inventory_file",
                        lambda *a, **k: (_ for _ in ()).throw(OverflowError("boom")))
    source = tmp_path / "in.csv"
    source.write_text("x\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "import", str(source)])
    assert result.exit_code == 1 and "error id" in result.output and "Traceback" not in result.output
    error_id = result.output.split("error id ")[1].split(")")[0]
    assert error_id in log.read_text(encoding="utf-8") and "OverflowError" in log.read_text(encoding="utf-8")
    debug = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "--debug", "import", str(source)])
    assert isinstance(debug.exception, OverflowError)

"""`mapper export`: options, messages, exit codes, and no Qt on build servers."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from export_helpers import ROOT, page_count, rich_map

from hostile import assert_terminal_safe
from mapper.cli.main import main
from mapper.export import PdfOptions, render_pdf
from mapper.export.pdf import fonts
from mapper.fileformat import save_journey
from mapper.model import Entity


@pytest.fixture
def map_file(tmp_path):
    path = tmp_path / "renewal.journey"
    save_journey(rich_map(), path)
    return path


def test_export_writes_a_pdf(map_file, tmp_path, capsys):
    out = tmp_path / "map.pdf"
    assert main(["export", str(map_file), "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out} (8 pages)"  # overview, 2 details, …
    assert page_count(out) == 8
    assert (
        main(["export", str(map_file), "-o", str(out), "--no-report", "--page", "a3", "--portrait"])
        == 0
    )
    assert page_count(out) == 1
    assert (
        main(
            [
                "export",
                str(map_file),
                "-o",
                str(out),
                "--tile",
                "--tile-scale",
                "300%",
                "--no-report",
            ]
        )
        == 0
    )
    assert page_count(out) > 2
    assert not list(tmp_path.glob(".map.pdf.*"))  # no temporary files left behind


def test_usage_errors_exit_2(map_file, tmp_path, capsys):
    assert main(["export", str(map_file), "-o", str(tmp_path / "map.docx")]) == 2
    assert "unknown export format ('.docx'); use OUT.pdf" in capsys.readouterr().err
    assert main(["export", str(map_file), "-o", str(tmp_path / "map")]) == 2
    assert "unknown export format (no extension)" in capsys.readouterr().err
    assert main(["export", str(map_file), "-o", str(tmp_path / "m.pdf"), "--page", "B5"]) == 2
    assert "unknown page size 'B5'" in capsys.readouterr().err
    assert main(["export", str(map_file), "-o", str(tmp_path / "m.pdf"), "--fit", "--tile"]) == 2
    assert main(["export", str(map_file)]) == 2
    assert main(["export", str(map_file), "-o", str(tmp_path / "m.pdf"), "--persona", "x"]) == 2
    assert "no persona 'x' (personas: Maya, Omar)" in capsys.readouterr().err


def test_failures_exit_1(map_file, tmp_path, capsys):
    missing = tmp_path / "nowhere" / "map.pdf"
    assert main(["export", str(map_file), "-o", str(missing)]) == 1
    assert "cannot write: the folder" in capsys.readouterr().err
    (tmp_path / "folder.pdf").mkdir()
    assert main(["export", str(map_file), "-o", str(tmp_path / "folder.pdf")]) == 1
    assert "it is a folder" in capsys.readouterr().err
    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "mapper-journey", "schema_version": 1, "stages": [{"id": 1}]}')
    assert main(["export", str(bad), "-o", str(tmp_path / "bad.pdf")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{bad}: stages[0].id: Input should be a valid string" in err
    assert not (tmp_path / "bad.pdf").exists()


def test_read_only_folder_exits_1(map_file, tmp_path, capsys, monkeypatch):
    # root writes anywhere, so the refusal is simulated where the file is created
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    assert main(["export", str(map_file), "-o", str(tmp_path / "map.pdf")]) == 1
    assert "permission denied" in capsys.readouterr().err.lower()
    assert not (tmp_path / "map.pdf").exists()


def test_warnings_go_to_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(fonts, "installed_fonts", lambda embeddable_only=True: ())
    monkeypatch.setattr(fonts, "_by_char", {})  # no font on this machine has the rocket
    journey = rich_map()
    journey.update(Entity.CARD, "t1", title="Rocket \U0001f680")
    path = tmp_path / "w.journey"
    save_journey(journey, path)
    assert main(["export", str(path), "-o", str(tmp_path / "w.pdf")]) == 0
    captured = capsys.readouterr()
    assert "mapper: warning: 1 character cannot be drawn" in captured.err
    assert captured.out.startswith("wrote ")


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_export_never_imports_qt_and_other_commands_never_import_reportlab(map_file, tmp_path):
    out = tmp_path / "ci.pdf"
    code = (
        "import sys\n"
        "from mapper.cli.main import main\n"
        "rc = main(sys.argv[1:])\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "rl = sorted(m for m in sys.modules if m.split('.')[0] == 'reportlab')\n"
        "print(rc, len(qt), len(rl))\n"
    )
    done = _run(code, "export", str(map_file), "-o", str(out), "--invariant")
    assert done.stdout.split() == [
        "wrote",
        str(out),
        "(8",
        "pages)",
        "0",
        "0",
        done.stdout.split()[-1],
    ]
    assert int(done.stdout.split()[-1]) > 0  # reportlab did the export
    done = _run(code, "validate", str(map_file))
    assert done.stdout.split()[-3:] == ["0", "0", "0"], done.stdout + done.stderr


def test_invariant_exports_are_identical_across_processes(map_file, tmp_path):
    out = tmp_path / "a.pdf"
    done = _run(
        "from mapper.cli.main import main; import sys; sys.exit(main(sys.argv[1:]))",
        "export",
        str(map_file),
        "-o",
        str(out),
        "--invariant",
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == render_pdf(rich_map(), PdfOptions(invariant=True)).data


PDF_ONLY = ["--page A3", "--portrait", "--fit", "--tile", "--tile-scale 2", "--persona Maya",
            "--no-report"]  # fmt: skip
WITH_TILE_ONLY = "--tile-scale applies with --tile only (without it the map fits the page)"


@pytest.mark.parametrize(
    ("out", "args", "message"),
    [
        *[(out, args, f"{args.split()[0]} applies to PDF output only ({{out}} is {fmt})")
          for out, fmt in (("m.png", "PNG"), ("m.svg", "SVG")) for args in PDF_ONLY],
        ("m.pdf", "--dpi 300", "--dpi applies to PNG output only ({out} is PDF)"),
        ("m.svg", "--dpi 300", "--dpi applies to PNG output only ({out} is SVG)"),
        ("m.pdf", "--no-title-legend", "--no-title-legend applies to PNG and SVG output only ({out} is PDF)"),
        ("m.pdf", "--tile-scale 2", WITH_TILE_ONLY),
        ("m.pdf", "--fit --tile-scale 2", WITH_TILE_ONLY),
    ],
)  # fmt: skip
def test_an_option_that_does_not_apply_is_a_usage_error(
    map_file, tmp_path, capsys, out, args, message
):
    target = tmp_path / out
    assert main(["export", str(map_file), "-o", str(target), *args.split()]) == 2
    assert capsys.readouterr().err == f"mapper export: {message.format(out=target)}\n"
    assert not target.exists()


@pytest.mark.parametrize(
    ("out", "options"),
    [
        ("m.pdf", "--page a3 --portrait --tile --tile-scale 50% --persona omar --no-report "
                  "--invariant"),
        ("m.pdf", "--fit --page Letter"),
        ("m.png", "--dpi 48 --invariant"),
        ("m.svg", "--invariant"),
        ("m.png", "--dpi 48 --no-title-legend"),
        ("m.svg", "--no-title-legend --invariant"),
    ],
)  # fmt: skip
def test_options_that_apply_are_accepted(map_file, tmp_path, capsys, out, options):
    target = tmp_path / out
    assert main(["export", str(map_file), "-o", str(target), *options.split()]) == 0
    assert capsys.readouterr().out.startswith(f"wrote {target}")


def test_every_option_that_does_not_apply_is_named(map_file, tmp_path, capsys):
    target = tmp_path / "m.svg"
    args = ["--page", "A3", "--portrait", "--dpi", "96", "--no-report"]
    assert main(["export", str(map_file), "-o", str(target), *args]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"mapper export: {flag} applies to {fmt} output only ({target} is SVG)"
        for flag, fmt in (("--page", "PDF"), ("--portrait", "PDF"), ("--no-report", "PDF"),
                          ("--dpi", "PNG"))
    ]  # fmt: skip


def test_help_says_which_output_each_option_is_for(capsys):
    assert main(["export", "--help"]) == 0
    out = capsys.readouterr().out
    pdf, png = out.index("PDF only:"), out.index("PNG only:")
    assert out.index("PNG and SVG only:") < out.index("  --no-title-legend")
    for flag in ("--page", "--portrait", "--fit", "--tile ", "--tile-scale", "--persona",
                 "--no-report"):  # fmt: skip
        assert pdf < out.index(f"  {flag}") < png
    assert png < out.index("  --dpi")
    assert out.index("  --invariant") < pdf  # for every format


def test_export_messages_escape_file_names_and_persona(map_file, tmp_path, capsys):
    out = tmp_path / "map\x1b]0;x\x07\n.pdf"
    assert main(["export", str(map_file), "-o", str(out), "--no-report", "--fit"]) == 0
    assert capsys.readouterr().out == f"wrote {tmp_path}/map\\x1b]0;x\\x07\\n.pdf (1 page)\n"
    gone = tmp_path / "gone\x1b[2J" / "m.png"
    assert main(["export", str(map_file), "-o", str(gone)]) == 1
    assert main(["export", str(map_file), "-o", str(out), "--persona", "\x1b[2J\u202e"]) == 2
    err = capsys.readouterr().err
    assert_terminal_safe(err)
    assert "gone\\x1b[2J/m.png: cannot write" in err
    assert "no persona '\\x1b[2J\\u202e'" in err


def test_an_output_in_a_folder_that_cannot_be_looked_into_is_a_clear_refusal(
    tmp_path, monkeypatch, capsys
):
    """Path.is_dir raises PermissionError for a folder on the way that may not be entered:
    that was an "unexpected error" instead of "cannot write"."""
    from pathlib import Path

    map_file = tmp_path / "m.journey"
    assert main(["new", str(map_file)]) == 0

    def forbidden(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_dir", forbidden)
    out = tmp_path / "locked" / "m.pdf"
    assert main(["export", str(map_file), "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == f"mapper: {out}: cannot write: permission denied"


def test_the_help_names_every_page_size_the_exporter_knows(capsys):
    """The parser names the page sizes without loading the exporters (the editor's start
    reads it too): its list is the exporter's own."""
    from mapper.cli.export_options import PAGE_NAMES
    from mapper.export.pages import PAGE_SIZES

    assert tuple(PAGE_SIZES) == PAGE_NAMES
    assert main(["export", "--help"]) == 0
    assert f"page size: {', '.join(PAGE_SIZES)} (default A4)" in " ".join(
        capsys.readouterr().out.split()
    )

"""Mishaps around a build: two builds at once, a build killed mid-way, a site that cannot be
replaced, links out of the project, a cache that is a file. The site is never lost or half-written.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, build
from test_build import tree_digest
from wegwijzer.checks import check_site
from wegwijzer.publish import swap
from wegwijzer.publish.build import GateFailed, accessibility_gate


def build_process(src: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    return subprocess.Popen(
        [sys.executable, "-m", "wegwijzer.cli", "build", "--no-pdf", "--no-browser"],
        cwd=src,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def complete(site: Path) -> bool:
    return (site / "index.html").is_file() and (site / "gids" / "verhuizen" / "index.html").is_file()


def test_a_build_while_another_one_runs_is_refused_with_a_plain_message(src: Path, capsys) -> None:
    before = tree_digest(src / "site")
    with swap.build_lock((src / "site").resolve()):  # another build, holding the site
        code, site = build(src)
    err = capsys.readouterr().err
    assert code == 1
    assert f"another build is writing {site} (process {os.getpid()})" in err
    assert "wait until it has finished, then build again" in err
    assert tree_digest(site) == before


def test_two_builds_started_together_leave_one_whole_site(src: Path) -> None:
    for _ in range(3):
        first, second = build_process(src), build_process(src)
        results = [(p.communicate(timeout=120)[1], p.returncode)[::-1] for p in (first, second)]
        refused = [err for code, err in results if code == 1]
        assert all("another build is writing" in err for err in refused)
        assert len(refused) <= 1
        assert complete(src / "site")
        assert not (src / ".site-staging").exists()


def test_a_build_killed_at_any_moment_leaves_a_whole_site(src: Path) -> None:
    """Kill builds at random moments; the site is always whole, and the next build lands."""
    (src / "content" / "over.md").write_text("# Over deze site\n\nDit is de nieuwe tekst.\n", "utf-8")
    rng = random.Random(22)
    for _ in range(5):
        process = build_process(src)
        time.sleep(rng.uniform(0.2, 2.0))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert complete(src / "site")
    code, site = build(src)
    assert code == 0 and "Dit is de nieuwe tekst." in (site / "over" / "index.html").read_text("utf-8")


KILL_MID_SWAP = """
import os, signal, sys
from pathlib import Path
from wegwijzer.publish import swap
from wegwijzer.cli import main

swap._exchange = lambda a, b: False  # the two-rename swap, as on systems without renameat2
rename = Path.rename

def rename_then_die(self, target):
    result = rename(self, target)
    if Path(target).name == ".site-previous":
        os.kill(os.getpid(), signal.SIGKILL)  # between the two renames
    return result

Path.rename = rename_then_die
sys.exit(main(["build", "--no-pdf", "--no-browser"]))
"""


def test_a_build_killed_mid_swap_is_repaired_by_the_next_build(src: Path, capsys) -> None:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    killed = subprocess.run([sys.executable, "-c", KILL_MID_SWAP], cwd=src, env=env, capture_output=True)
    assert killed.returncode == -signal.SIGKILL
    assert not (src / "site").exists() and complete(src / ".site-previous")
    code, site = build(src)
    assert code == 0 and complete(site)
    assert "the previous site is back in" in capsys.readouterr().err
    assert not (src / ".site-previous").exists()


def test_an_interrupted_swap_is_undone_before_the_next_build(src: Path, capsys) -> None:
    site = src / "site"
    before = tree_digest(site)
    site.rename(src / ".site-previous")  # what a crash between the two renames leaves
    (src / "lifeevents" / "verhuizen.yaml").write_text("id: verhuizen\n", "utf-8")  # and a failing build
    code, _ = build(src)
    err = capsys.readouterr().err
    assert code == 1
    assert f"An earlier build stopped while it replaced the site; the previous site is back in {site}." in err
    assert f"The previous site in {site} was not changed." in err
    assert tree_digest(site) == before
    assert not (src / ".site-previous").exists()


def test_without_an_atomic_exchange_the_two_renames_still_land(src: Path, monkeypatch) -> None:
    monkeypatch.setattr(swap, "_exchange", lambda *_: False)
    (src / "content" / "over.md").write_text("# Over deze site\n\nAndere tekst.\n", "utf-8")
    code, site = build(src)
    assert code == 0 and "Andere tekst." in (site / "over" / "index.html").read_text("utf-8")
    assert not (src / ".site-previous").exists() and not (src / ".site-staging").exists()


def test_a_site_that_cannot_be_replaced_gets_a_plain_message(src: Path, monkeypatch, capsys) -> None:
    def refuse(*folders: Path) -> bool:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM), str(folders[1]))

    monkeypatch.setattr(swap, "_exchange", refuse)
    before = tree_digest(src / "site")
    code, site = build(src)
    err = capsys.readouterr().err
    assert code == 1
    assert f"the site folder {site} cannot be replaced (Operation not permitted)" in err
    assert "chmod u+w" in err and "chattr -i" in err and "Traceback" not in err
    assert tree_digest(site) == before


def test_a_link_out_of_the_content_folder_is_not_read(src: Path, tmp_path: Path, capsys) -> None:
    secret = tmp_path / "token.txt"
    secret.write_text("ghp_secretsecretsecretsecretsecret\n", "utf-8")
    (src / "lifeevents" / "geheim.yaml").symlink_to(secret)
    (src / "content" / "geheim.md").symlink_to(secret)
    before = tree_digest(src / "site")
    errors = sorted(str(p) for p in check_site(src / "mkdocs.yml").problems if p.is_error)
    assert errors == [
        "content/geheim.md: this is a link to a file outside the content folder; Wegwijzer does not read it"
        " — put the file itself in the folder instead of a link",
        "lifeevents/geheim.yaml: this is a link to a file outside the content folder; Wegwijzer does not"
        " read it — put the file itself in the folder instead of a link",
    ]
    code, site = build(src)
    out = capsys.readouterr()
    assert code == 1 and tree_digest(site) == before
    assert "ghp_" not in out.err + out.out


def test_a_linked_register_is_refused(src: Path, tmp_path: Path) -> None:
    outside = tmp_path / "glossary.yaml"
    shutil.move(src / "lifeevents" / "registers" / "glossary.yaml", outside)
    (src / "lifeevents" / "registers" / "glossary.yaml").symlink_to(outside)
    errors = [str(p) for p in check_site(src / "mkdocs.yml").problems if p.is_error]
    assert errors == [
        "lifeevents/registers/glossary.yaml: this is a link to a file outside the content folder;"
        " Wegwijzer does not read it — put the file itself in the folder instead of a link"
    ]


def test_a_cache_that_is_a_file_gets_a_plain_message(src: Path) -> None:
    cache = src / ".wegwijzer-cache"
    cache.write_text("not a folder", "utf-8")
    with pytest.raises(
        GateFailed, match="is a file, but Wegwijzer keeps the results of its checks in a folder"
    ):
        accessibility_gate(src / "site", cache)


def test_a_site_folder_that_cannot_be_written_gets_a_plain_message(src: Path, capsys) -> None:
    from wegwijzer.publish.build import run_build

    code = run_build(src / "mkdocs.yml", Path("/proc/wegwijzer/site"), pdf=False)
    err = capsys.readouterr().err
    assert code == 1
    assert "the site cannot be written in /proc/wegwijzer" in err and "Traceback" not in err

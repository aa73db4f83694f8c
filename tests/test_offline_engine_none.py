"""With --engine none a check reads nothing outside the package, Python and the file it was given,
and starts no process: findings cannot depend on what else the user's machine has installed.

The check runs in a child Python with an audit hook (PEP 578) that records every file opened and
every process started; nothing is faked.
"""
from __future__ import annotations

import json
import subprocess
import sys
import sysconfig

from conftest import ROOT, SEED

PROBE = r'''
import json, os, sys
opened, spawned = [], []
def hook(event, args):
    if event == "open" and isinstance(args[0], (str, bytes)):
        opened.append(os.fsdecode(args[0]))
    elif event in ("subprocess.Popen", "os.exec", "os.posix_spawn", "os.spawn", "os.system", "os.fork"):
        spawned.append(event)
sys.addaudithook(hook)
from tqcheck.cli import main
sys.argv = ["tqcheck", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stdout.flush()
print("\n@@AUDIT@@" + json.dumps({"opened": opened, "spawned": spawned}))
'''


def _audited_check(path, cache_dir):
    env = {"PATH": "/usr/bin:/bin", "TQCHECK_CACHE_DIR": str(cache_dir), "HOME": str(cache_dir), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, "check", "--engine", "none", "--format", "json", "--fail-on", "never", str(path)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=300,
    )
    report, _, audit = proc.stdout.partition("\n@@AUDIT@@")
    return json.loads(report), json.loads(audit)


def test_engine_none_opens_only_the_package_python_and_the_input_and_spawns_nothing(tmp_path):
    # A copy outside the checkout, so the configuration search finds no pyproject.toml of ours.
    article = tmp_path / "article.txt"
    article.write_bytes(SEED.read_bytes())
    report, audit = _audited_check(article, tmp_path)
    assert report["files"][0]["findings"], "the seed has findings"
    assert audit["spawned"] == []
    allowed = (str(ROOT / "tqcheck"), str(tmp_path), sys.prefix, sys.base_prefix,
               sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], "/dev/", "/proc/self/")
    outside = sorted({p for p in audit["opened"] if not p.startswith(allowed) and not p.startswith("<")})
    assert outside == [], f"files read outside the package, Python and the input: {outside[:10]}"
    assert not any("apertium" in p or "argos" in p.lower() for p in audit["opened"])


def test_findings_are_the_same_when_the_machine_has_no_engines_on_its_path(tmp_path):
    with_path, _ = _audited_check(SEED, tmp_path / "a")
    # A PATH with no apertium, no dpkg-query: only this Python's own folder.
    env = {"PATH": str(tmp_path), "TQCHECK_CACHE_DIR": str(tmp_path / "b"), "HOME": str(tmp_path / "b"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--format", "json",
                           "--fail-on", "never", str(SEED)], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    bare = json.loads(proc.stdout)
    assert bare["files"][0]["findings"] == with_path["files"][0]["findings"]
    assert bare["files"][0]["score"] == with_path["files"][0]["score"]

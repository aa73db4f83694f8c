"""The Argos engine and `tqcheck models`, with tiny real packages built at test time and no network."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import argos_build
from tqcheck.translation.engines import argos, choose_engine
from tqcheck.translation.engines.argos import ArgosEngine
from tqcheck.errors import EngineError

ROOT = Path(__file__).resolve().parent.parent

# Every network access in a subprocess raises, and is logged so a test can
# also prove that none was even attempted.
_SITECUSTOMIZE = '''
"""Test sandbox: no network. Each attempt raises and is appended to $TQCHECK_TEST_NET_LOG."""
import errno
import os
import socket


def _blocked(what):
    def refuse(*args, **kwargs):
        log = os.environ.get("TQCHECK_TEST_NET_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write(f"{what} {args[1:] if what == 'connect' else args}\\n")
        raise OSError(errno.ENETUNREACH, "network disabled by tqcheck's tests")
    return refuse


_connect = socket.socket.connect


def _connect_unless_inet(self, *args):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        return _blocked("connect")(self, *args)
    return _connect(self, *args)


socket.socket.connect = _connect_unless_inet
socket.socket.connect_ex = _connect_unless_inet
socket.getaddrinfo = _blocked("getaddrinfo")
socket.create_connection = _blocked("create_connection")
'''

# Runs in the sandbox: translate with every package, report what happened.
_TRANSLATE = '''
import json, socket, sys
from tqcheck.translation.engines.argos import ArgosEngine, has_pair

try:
    socket.create_connection(("example.com", 80), timeout=1)
    blocked = False
except OSError:
    blocked = True
cases = json.loads(sys.argv[1])
with ArgosEngine() as engine:
    out = {
        "blocked": blocked,
        "translations": {f"{s}>{t}": engine.translate_batch(texts, s, t) for s, t, texts in cases},
        "route_fr_es": engine.route("fr", "es"),
        "version_fr_es": engine.version_for("fr", "es"),
        "heavy_modules": sorted(m for m in ("torch", "stanza", "spacy", "argostranslate.translate")
                                if m in sys.modules),
    }
print(json.dumps(out))
'''

COPY_TEXTS = [
    "La maison est près de la rivière.",
    "Le petit chien a une porte rouge, je crois.",
    "Prix : 12,5 % en 1998 — « très » bien ? 漢字",
]
HOUSE = "The house is near the river."


@pytest.fixture(scope="session")
def packages(tmp_path_factory) -> dict[str, Path]:
    """name → .argosmodel for every variant in argos_build.VARIANTS."""
    return argos_build.build_all(tmp_path_factory.mktemp("argosmodels"))


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(_SITECUSTOMIZE, "utf-8")
    return folder


def _home_env(home: Path, sandbox: Path) -> dict[str, str]:
    """Environment for a subprocess: a private home, the packages folder in it, no network."""
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        ARGOS_PACKAGES_DIR=str(home / "argos-packages"),
        TQCHECK_TEST_NET_LOG=str(home / "network-attempts.log"),
        PYTHONPATH=os.pathsep.join(filter(None, [str(sandbox), env.get("PYTHONPATH")])),
    )
    return env


def _models_cli() -> list[str]:
    """The real command line, `python -m tqcheck models`."""
    return [sys.executable, "-m", "tqcheck", "models"]


def run_models(env: dict[str, str], *args) -> subprocess.CompletedProcess:
    return subprocess.run([*_models_cli(), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=300)


def _set_home(monkeypatch, home: Path) -> None:
    """The same private home, in this process (argos.py reads the environment on each call)."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR"):
        monkeypatch.setenv(name, _home_env(home, Path())[name])


@pytest.fixture(scope="module")
def installed(tmp_path_factory, packages, sandbox):
    """A home with the three packages installed by `tqcheck models install`; yields (home, env, result)."""
    home = tmp_path_factory.mktemp("argos-home")
    env = _home_env(home, sandbox)
    result = run_models(env, "install", *packages.values())
    return home, env, result


def _one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, proc
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("tqcheck: error: "), proc.stderr
    return lines[0]


# -- the packages the tests build --------------------------------------------


def test_built_packages_are_argos_shaped_and_reproducible(packages, tmp_path):
    for name, path in packages.items():
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            assert {n.split("/")[0] for n in names} == {name}
            metadata = json.loads(zf.read(f"{name}/metadata.json"))
        assert {f"{name}/model/model.bin", f"{name}/model/config.json",
                f"{name}/sentencepiece.model"} <= set(names)
        assert (metadata["from_code"], metadata["to_code"]) == argos_build.VARIANTS[name][:2]
        assert metadata["package_version"] == "1.0"
    assert "stanza-es-en/stanza/es/tokenize/combined.pt" in zipfile.ZipFile(packages["stanza-es-en"]).namelist()
    again = argos_build.build_package(tmp_path, "copy-fr-en", "fr", "en")
    assert again.read_bytes() == packages["copy-fr-en"].read_bytes()


# -- install, list, translate offline ----------------------------------------


def test_models_install_reports_each_package(installed):
    home, _, result = installed
    assert result.returncode == 0, result.stderr
    assert sorted(result.stdout.splitlines()) == sorted(
        f"installed argos {s} → {t} 1.0 in {home / 'argos-packages' / name}"
        for name, (s, t, _, _) in argos_build.VARIANTS.items()
    )
    assert (home / "argos-packages" / "stanza-es-en" / "stanza" / "resources.json").is_file()


def test_models_list_shows_packages_and_the_pivot(installed):
    home, env, _ = installed
    proc = run_models(env, "list")
    assert proc.returncode == 0, proc.stderr
    lines = [" ".join(line.split()) for line in proc.stdout.splitlines()]
    for name, (s, t, _, _) in argos_build.VARIANTS.items():
        assert f"argos {s} → {t} 1.0 {home / 'argos-packages' / name}" in lines
    assert "argos fr → es pivot fr → en → es" in lines
    assert all(line.startswith(("argos ", "apertium ")) for line in lines)


def test_translation_is_offline_and_copies_swaps_and_pivots(installed, sandbox):
    home, env, _ = installed
    cases = [
        ["fr", "en", COPY_TEXTS],                                 # copy model
        ["en", "es", [HOUSE, "Our house, their house.", ""]],     # house ↔ river swap
        ["es", "en", ["La casa está cerca del río."]],            # package with a stanza/ folder
        ["fr", "es", ["La maison, the house."]],                  # fr → en (copy) → es (swap)
    ]
    proc = subprocess.run([sys.executable, "-c", _TRANSLATE, json.dumps(cases)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["blocked"] is True  # the sandbox works
    assert (home / "network-attempts.log").read_text().splitlines() == [
        "create_connection (('example.com', 80),)"
    ]  # the sandbox's own probe, and nothing from the engine
    got = out["translations"]
    assert got["fr>en"] == COPY_TEXTS
    assert got["en>es"] == ["The river is near the house.", "Our river, their river.", ""]
    assert got["es>en"] == ["La casa está cerca del río."]
    assert got["fr>es"] == ["La maison, the river."]
    assert out["route_fr_es"] == [["fr", "en"], ["en", "es"]]
    assert out["version_fr_es"] == "argostranslate 1.11.0 / fr-en 1.0 + en-es 1.0"
    assert out["heavy_modules"] == []


# -- the engine in this process ----------------------------------------------


def test_has_pair_reads_metadata_only(installed, monkeypatch):
    home, _, _ = installed
    _set_home(monkeypatch, home)
    assert argos.has_pair("fr", "en") and argos.has_pair("es-ES", "en-GB")
    assert argos.has_pair("fr", "es")  # through English
    assert not argos.has_pair("fr", "es", pivot=False)
    assert not argos.has_pair("es", "fr") and not argos.has_pair("de", "en")
    assert not argos.has_pair("en", "en") and not argos.has_pair("not a tag", "en")
    assert "argostranslate.translate" not in sys.modules


def test_has_pair_is_false_without_packages(tmp_path, monkeypatch):
    _set_home(monkeypatch, tmp_path)
    assert not argos.has_pair("es", "en")
    with pytest.raises(EngineError, match="no Argos packages are installed"):
        ArgosEngine()


def test_engine_describes_pairs_routes_and_versions(installed, monkeypatch):
    home, _, _ = installed
    _set_home(monkeypatch, home)
    with ArgosEngine() as engine:
        assert engine.name == "argos"
        assert engine.pairs() == {("fr", "en"), ("en", "es"), ("es", "en"), ("fr", "es")}
        assert engine.route("es", "en") == [("es", "en")]
        assert engine.route("fr-FR", "es") == [("fr", "en"), ("en", "es")]
        assert engine.version_for("en", "es") == "argostranslate 1.11.0 / en-es 1.0"
        assert engine.version == "argostranslate 1.11.0 / en-es 1.0, es-en 1.0, fr-en 1.0"
        with pytest.raises(EngineError, match=r"no Argos package translates es→fr"):
            engine.translate_batch(["hola"], "es", "fr")


def test_choose_engine_prefers_argos_when_both_directions_are_installed(installed, monkeypatch):
    home, _, _ = installed
    _set_home(monkeypatch, home)
    choice = choose_engine("auto", "es", "en")
    try:
        assert choice.engine.name == "argos" and "argos" in choice.reason
        assert choice.engine.translate_batch([HOUSE], "en", "es") == ["The river is near the house."]
    finally:
        choice.engine.close()


def test_corrupt_model_is_one_engine_error(installed, tmp_path, monkeypatch):
    home, _, _ = installed
    shutil.copytree(home / "argos-packages" / "copy-fr-en", tmp_path / "copy-fr-en")
    model = tmp_path / "copy-fr-en" / "model" / "model.bin"
    model.write_bytes(model.read_bytes()[: model.stat().st_size // 2])
    with ArgosEngine(tmp_path) as engine:
        with pytest.raises(EngineError) as error:
            engine.translate_batch(["La maison."], "fr", "en")
    message = str(error.value)
    assert "argos package fr-en 1.0" in message and "cannot be loaded" in message
    assert "\n" not in message


# -- install errors, replace, remove -----------------------------------------


def test_install_from_index_fails_fast_offline(tmp_path, sandbox):
    proc = run_models(_home_env(tmp_path, sandbox), "install", "--from", "es", "--to", "en")
    line = _one_error_line(proc)
    assert "cannot reach the Argos package index" in line
    assert "tqcheck models install FILE" in line


@pytest.mark.parametrize("content", ["random", "two-folders", "missing"])
def test_install_rejects_what_is_not_a_package(content, tmp_path, sandbox, packages):
    bad = tmp_path / "bad.argosmodel"
    if content == "random":
        bad.write_bytes(bytes((i * 73 + 11) % 256 for i in range(4096)))
    elif content == "two-folders":  # argostranslate would unpack it and break every later lookup
        with zipfile.ZipFile(bad, "w") as zf:
            zf.writestr("a/metadata.json", '{"from_code": "es", "to_code": "en"}')
            zf.writestr("b/metadata.json", '{"from_code": "en", "to_code": "es"}')
    else:
        bad = tmp_path / "missing.argosmodel"
    env = _home_env(tmp_path / "home", sandbox)
    line = _one_error_line(run_models(env, "install", bad))
    assert str(bad) in line
    assert not any((tmp_path / "home" / "argos-packages").glob("*"))


def test_reinstall_replaces_and_remove_uninstalls(tmp_path, sandbox, packages):
    env = _home_env(tmp_path, sandbox)
    swap = packages["swap-en-es"]
    proc = run_models(env, "install", swap, swap)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1].endswith("(replaced en-es 1.0)")
    assert [p.name for p in (tmp_path / "argos-packages").iterdir()] == ["swap-en-es"]

    missing = run_models(env, "remove", "--from", "de", "--to", "en")
    assert "no Argos package for de→en" in _one_error_line(missing)

    proc = run_models(env, "remove", "en", "es")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"removed argos en → es 1.0 from {tmp_path / 'argos-packages' / 'swap-en-es'}"
    assert list((tmp_path / "argos-packages").iterdir()) == []


def test_check_back_translates_through_argos_end_to_end_offline(installed, sandbox, tmp_path):
    """`tqcheck check` with the swap model out (en→es) and the stanza-shaped copy model back (es→en):
    the known word comes back changed, so the round trip shows the drift — with sockets disabled."""
    home, env, _ = installed
    article = tmp_path / "article.txt"
    article.write_text("The house is near the river.\n\nOfficials visited the house on Friday.\n", "utf-8")
    net_log = tmp_path / "network-attempts.log"
    env = {**env, "TQCHECK_CACHE_DIR": str(tmp_path / "cache"), "TQCHECK_TEST_NET_LOG": str(net_log)}
    proc = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--format", "json", "--engine", "auto",
                           "--source-lang", "es", "--fail-on", "never", str(article)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    (file,) = json.loads(proc.stdout)["files"]
    assert file["engine"]["name"] == "argos"
    first = file["segments"][0]
    assert first["backtranslation"] == "The river is near the house."
    assert first["round_trip"] == "The river is near the house."
    assert file["segments"][1]["round_trip"] == "Officials visited the river on Friday."
    assert "house" in file["segments"][1]["text"] and first["chrf"] < 100
    assert not net_log.exists(), net_log.read_text()  # not one network attempt during the run

"""Configuration files of any shape are read or refused with a ConfigError, never a crash."""
from __future__ import annotations

import pytest

from tqcheck.checking.config import ConfigFinder, load
from tqcheck.errors import ConfigError


@pytest.mark.parametrize("content", ['tool = "tqcheck"\n', "tool = 0\n", 'tool = ["never", -747]\n'])
def test_a_pyproject_whose_tool_is_not_a_table_configures_nothing(tmp_path, content):
    # Found by fuzzing: `"tqcheck" in tool` was true of a string and a crash on a number.
    (tmp_path / "pyproject.toml").write_text(content)
    assert ConfigFinder().for_path(tmp_path / "a.md").values == {}
    assert load(tmp_path / "pyproject.toml").values == {}


@pytest.mark.parametrize("content", ['[tool]\ntqcheck = "x"\n', "[tool]\ntqcheck = []\n"])
def test_a_tool_tqcheck_that_is_not_a_table_is_a_config_error(tmp_path, content):
    # Found by fuzzing: validating it called .items() on a string or a list.
    (tmp_path / "pyproject.toml").write_text(content)
    with pytest.raises(ConfigError, match=r"pyproject\.toml \[tool\.tqcheck\]: must be a table of settings, not (str|list)$"):
        ConfigFinder().for_path(tmp_path / "a.md")


def test_a_pyprojects_answer_is_kept_while_the_file_is_unchanged_and_read_again_when_it_changes(tmp_path):
    import json
    import os
    import subprocess
    import sys

    from conftest import ROOT, SEED

    project = tmp_path / "project"
    project.mkdir()
    article = project / "article.txt"
    article.write_text(SEED.read_text("utf-8"), "utf-8")
    pyproject = project / "pyproject.toml"
    pyproject.write_text('[project]\nname = "newsroom"\n\n[tool.black]\nline-length = 100\n', "utf-8")
    probe = ("import json, sys\n"
             "sys.argv = ['tqcheck', 'check', '--engine', 'none', '--format', 'json', sys.argv[1]]\n"
             "from tqcheck.cli import main\n"
             "try:\n    main()\nexcept SystemExit as done:\n    code = done.code\n"
             "print(json.dumps([code, 'tomllib' in sys.modules]), file=sys.stderr)\n")

    def check():
        done = subprocess.run([sys.executable, "-c", probe, str(article)], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        code, parsed = json.loads(done.stderr.strip().splitlines()[-1])
        codes = {f["code"] for f in json.loads(done.stdout)["files"][0]["findings"]} if done.stdout else None
        return code, parsed, codes, done.stderr.strip().splitlines()[0]

    code, parsed, everything, _ = check()
    assert code == 1 and parsed and len(everything) > 3
    assert check()[:3] == (1, False, everything)  # the same answer, without a TOML parser
    pyproject.write_text(pyproject.read_text("utf-8") + '\n[tool.tqcheck]\nselect = ["Q"]\n', "utf-8")
    code, parsed, selected, _ = check()
    assert parsed and selected and all(c.startswith("Q") for c in selected) and selected < everything
    pyproject.write_text('[tool.tqcheck\nselect = "Q"\n', "utf-8")  # not TOML: refused on every run
    for _ in range(2):
        code, parsed, _, message = check()
        assert code == 2 and parsed and message.startswith(f"tqcheck: error: {pyproject}: not valid TOML")

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

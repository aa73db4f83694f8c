"""The html format, proved through a real headless Chromium's DOM: marks, clicks, keys, filters, hostile text."""
from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import FIXTURES, SEED, run_tqcheck

CHROMEDRIVER = "/usr/bin/chromedriver"
MD_FIXTURE = FIXTURES / "seed_article.md"
HTML_FIXTURE = FIXTURES / "seed_article.html"


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def html_and_json(tmp_path: Path, *args) -> tuple[Path, dict]:
    """The html report written with -o, and the json report of the same run."""
    page = tmp_path / "report.html"
    proc = run_tqcheck("check", "--format", "html", "-o", page, *args)
    assert proc.returncode in (0, 1), proc.stderr
    proc = run_tqcheck("check", "--format", "json", *args)
    return page, json.loads(proc.stdout)


def open_page(browser, page: Path):
    browser.get(page.resolve().as_uri())
    browser.get_log("browser")  # what the page logged while loading is read by the CSP test


MARKED_TEXTS = """
return Array.from(document.querySelectorAll('section.file')).map(function (s) {
  var out = {};
  s.querySelectorAll('li.finding').forEach(function (li) {
    var i = li.dataset.i;
    out[i] = Array.from(s.querySelectorAll('.doc mark[data-f~="' + i + '"]')).map(function (m) { return m.textContent; }).join('');
  });
  return {marked: out, text: s.querySelector('.doc').textContent, lines: s.querySelectorAll('.doc .ln').length};
});
"""


@pytest.mark.parametrize("document", [SEED, MD_FIXTURE, HTML_FIXTURE], ids=["seed", "markdown", "html"])
def test_every_finding_is_marked_and_the_marked_text_is_the_json_excerpt(browser, tmp_path, document):
    page, report = html_and_json(tmp_path, "--engine", "none", document)
    open_page(browser, page)
    [view] = browser.execute_script(MARKED_TEXTS)
    findings = report["files"][0]["findings"]
    assert len(findings) >= 5
    assert view["marked"] == {str(i): f["excerpt"] for i, f in enumerate(findings)}
    # The text is shown whole and literally, one numbered line per line of the file.
    text = document.read_text(encoding="utf-8")
    assert view["text"] == text
    assert view["lines"] == len(text.splitlines())


def test_overlapping_findings_each_keep_their_exact_span(browser, tmp_path):
    article = tmp_path / "article.txt"
    # A calque inside a sentence whose quotation mark is never opened: two findings share a stretch.
    article.write_text("On the occasion of the meeting, the minister spoke of guarantees” demanded by Russia.\n",
                       encoding="utf-8")
    page, report = html_and_json(tmp_path, "--engine", "none", article)
    findings = report["files"][0]["findings"]
    spans = [(f["start"], f["end"]) for f in findings]
    assert any(a1 < b2 and a2 < b1 for i, (a1, b1) in enumerate(spans) for (a2, b2) in spans[i + 1:]), spans
    open_page(browser, page)
    [view] = browser.execute_script(MARKED_TEXTS)
    assert view["marked"] == {str(i): f["excerpt"] for i, f in enumerate(findings)}
    shared = browser.find_element(By.CSS_SELECTOR, ".doc mark.n2")  # a stretch two findings share is drawn as shared
    ids = shared.get_attribute("data-f").split()
    seen = []
    for _ in ids:
        shared.click()
        seen.append(current(browser))
        assert findings[int(seen[-1])]["message"] in browser.find_element(By.CSS_SELECTOR, ".detail").text
    assert sorted(seen) == sorted(ids), "clicking the shared stretch again moves to the next of its findings"


def test_clicking_a_mark_shows_its_message_suggestion_and_rule_docs(browser, tmp_path):
    page, report = html_and_json(tmp_path, "--engine", "none", SEED)
    findings = report["files"][0]["findings"]
    open_page(browser, page)
    # A finding whose first stretch no other finding shares.
    for i, f in enumerate(findings):
        mark = browser.find_element(By.CSS_SELECTOR, f'.doc mark[data-f~="{i}"]')
        if mark.get_attribute("data-f") == str(i) and f["suggestion"]:
            break
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    detail = browser.find_element(By.CSS_SELECTOR, ".detail").text
    assert f["message"] in detail and f["suggestion"] in detail and f["code"] in detail
    assert "What it does" in detail and "Use instead" in detail
    assert "cur" in mark.get_attribute("class")


def current(browser) -> str | None:
    return browser.execute_script("var li = document.querySelector('li.finding.cur'); return li && li.dataset.i;")


def test_j_and_k_move_between_findings_in_document_order(browser, tmp_path):
    page, report = html_and_json(tmp_path, "--engine", "none", SEED)
    findings = report["files"][0]["findings"]
    open_page(browser, page)
    body = browser.find_element(By.TAG_NAME, "body")
    assert current(browser) is None
    body.send_keys("j")
    assert current(browser) == "0"
    body.send_keys("j")
    body.send_keys("n")
    assert current(browser) == "2"
    body.send_keys("k")
    assert current(browser) == "1"
    body.send_keys("p")
    body.send_keys("p")
    assert current(browser) == str(len(findings) - 1), "previous from the first wraps to the last"
    marked = browser.find_elements(By.CSS_SELECTOR, ".doc mark.cur")
    assert "".join(m.text for m in marked) == findings[-1]["excerpt"].replace("\n", "")
    assert findings[-1]["message"] in browser.find_element(By.CSS_SELECTOR, ".detail").text


def test_filters_hide_and_show_findings_and_their_marks(browser, tmp_path):
    page, report = html_and_json(tmp_path, "--engine", "none", SEED)
    findings = report["files"][0]["findings"]
    warnings = {str(i) for i, f in enumerate(findings) if f["severity"] == "warning"}
    assert warnings and len(warnings) < len(findings)
    open_page(browser, page)
    state = """return Array.from(document.querySelectorAll('li.finding')).filter(function (li) { return !li.hidden; })
                .map(function (li) { return li.dataset.i; })"""
    marks_on = """return Array.from(document.querySelectorAll('.doc mark:not(.off)'))
                  .map(function (m) { return m.dataset.f; })"""
    browser.find_element(By.CSS_SELECTOR, 'input[data-sev="warning"]').click()
    shown = set(browser.execute_script(state))
    assert shown == {str(i) for i in range(len(findings))} - warnings
    for ids in browser.execute_script(marks_on):
        assert set(ids.split()) - warnings, f"a mark of warnings only is still drawn: {ids}"
    # Family filter on top: hiding the calques family too.
    calques = {str(i) for i, f in enumerate(findings) if f["code"].startswith("C")}
    browser.find_element(By.CSS_SELECTOR, 'input[data-fam="C"]').click()
    assert set(browser.execute_script(state)) == {str(i) for i in range(len(findings))} - warnings - calques
    browser.find_element(By.CSS_SELECTOR, 'input[data-sev="warning"]').click()
    browser.find_element(By.CSS_SELECTOR, 'input[data-fam="C"]').click()
    assert set(browser.execute_script(state)) == {str(i) for i in range(len(findings))}
    assert len(browser.execute_script(marks_on)) == len(browser.find_elements(By.CSS_SELECTOR, ".doc mark"))
    # The keyboard skips hidden findings.
    browser.find_element(By.CSS_SELECTOR, 'input[data-sev="warning"]').click()
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    assert current(browser) not in warnings


HOSTILE = (
    'Ministers met on Friday.<script>window.__pwned = 1</script> They said “no”.\n'
    '</textarea></pre></div><img src=x onerror="window.__pwned = 2"> The talks ended.\n'
    '<!-- a comment --><!-- <script>window.__pwned = 3</script> -->\n'
    '[click here](javascript:window.__pwned=4) and <a href="javascript:window.__pwned=5">here</a>.\n'
    '<svg onload="window.__pwned = 6"></svg><iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>\n'
    '<style>body { display: none }</style>&lt;b&gt; &amp; ]]> {{7*7}} ${alert(1)}\n'
    'In this context of the meeting, the president declared that “the talks are over.\n'
)


@pytest.mark.parametrize("name", ["hostile.txt", "hostile.md", "hostile.html"])
def test_a_hostile_document_runs_no_script_and_is_shown_literally(browser, tmp_path, name):
    folder = tmp_path / "docs"
    folder.mkdir()
    document = folder / name
    document.write_text(HOSTILE, encoding="utf-8")
    # A hostile file name too: it goes into the title, the index and the headings.
    named = folder / '<img src=x onerror="window.__pwned=8">.txt'
    named.write_text(HOSTILE, encoding="utf-8")
    page, report = html_and_json(tmp_path, "--engine", "none", document, named)
    open_page(browser, page)
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    for mark in browser.find_elements(By.CSS_SELECTOR, ".doc mark")[:5]:
        mark.click()
    assert browser.execute_script("return window.__pwned") is None
    assert browser.execute_script("return parent.__pwned") is None
    views = browser.execute_script(MARKED_TEXTS)
    assert [v["text"] for v in views] == [HOSTILE, HOSTILE]
    assert [v["marked"] for v in views] == [{str(i): f["excerpt"] for i, f in enumerate(r["findings"])}
                                            for r in report["files"]]
    # Nothing from the document became an element: no script but the report's, no img, iframe, svg link or anchor.
    assert len(browser.find_elements(By.TAG_NAME, "script")) == 1
    assert not browser.find_elements(By.CSS_SELECTOR, "img, iframe, .doc a, .doc svg, textarea")
    assert browser.find_element(By.TAG_NAME, "body").is_displayed()
    assert browser.title == f"tqcheck report: {document}, {named}"
    assert browser.find_element(By.TAG_NAME, "h1").text == "tqcheck report"


def test_the_content_security_policy_comes_first_and_allows_only_the_reports_own_style_and_script(browser, tmp_path):
    page, _ = html_and_json(tmp_path, "--engine", "none", SEED)
    html = page.read_text(encoding="utf-8")
    head = html[html.index("<head>") + len("<head>"):].lstrip()
    assert head.startswith('<meta http-equiv="Content-Security-Policy"')
    csp = re.match(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head).group(1)
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp
    [style] = re.findall(r"<style>(.*?)</style>", html, re.S)
    [script] = re.findall(r"<script>(.*?)</script>", html, re.S)

    def sha(text):
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    assert f"script-src {sha(script)};" in csp and f"style-src {sha(style)};" in csp
    assert not re.search(r"\sstyle=|\son\w+=|https?://(?!docs\.oasis)", html.replace(SEED.read_text("utf-8"), ""))
    open_page(browser, page)
    browser.refresh()
    logs = [entry["message"] for entry in browser.get_log("browser")]
    assert not [m for m in logs if "Content Security Policy" in m], logs
    # The style and the script both ran under that policy.
    assert browser.execute_script("return getComputedStyle(document.querySelector('.doc .eol') || document.body).display") in ("none", "block")
    assert browser.execute_script("return getComputedStyle(document.querySelector('mark.s3')).textDecorationStyle") == "wavy"
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    assert current(browser) == "0"


def test_severities_are_told_apart_without_colour_and_regions_are_labelled(browser, tmp_path):
    page, _ = html_and_json(tmp_path, "--engine", "none", SEED)
    open_page(browser, page)
    styles = browser.execute_script("""return ['s1', 's2', 's3'].map(function (c) {
        var m = document.querySelector('mark.' + c); return m && getComputedStyle(m).textDecorationStyle; });""")
    assert styles == ["dotted", "solid", "wavy"]
    assert browser.find_elements(By.CSS_SELECTOR, "header[role=banner]") and browser.find_elements(By.TAG_NAME, "main")
    for region in browser.find_elements(By.CSS_SELECTOR, ".doc, aside.side, svg"):
        assert region.get_attribute("aria-label")
    for box in browser.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"):
        assert box.find_element(By.XPATH, "ancestor::label").text.strip()


SEGMENTS_SHOWN = """
return Array.from(document.querySelectorAll('ol.segments li')).map(function (li) {
  function t(sel) { var e = li.querySelector(sel); return e ? e.textContent : null; }
  return {index: +li.dataset.segment, target: t('.tgt'), back: t('.bt'), trip: t('.rt'), source: t('.src'),
          drift: Array.from(li.querySelectorAll('.tgt strong.drift')).map(function (e) { return e.textContent; })};
});
"""


def flat(text: str) -> str:
    return " ".join(text.split())


def test_with_an_engine_the_segment_panel_shows_the_most_suspicious_segments_with_their_round_trip(browser, tmp_path):
    page, report = html_and_json(tmp_path, "--engine", "apertium", SEED)
    file = report["files"][0]
    assert file["engine"]["name"] == "apertium"
    expected = sorted((s for s in file["segments"] if s["score"] >= 0.5), key=lambda s: -s["score"])[:10]
    assert expected
    open_page(browser, page)
    shown = browser.execute_script(SEGMENTS_SHOWN)
    assert [s["index"] for s in shown] == [s["index"] for s in expected]
    for got, want in zip(shown, expected):
        assert got["target"] == flat(want["text"])
        assert got["back"] == "back: " + flat(want["backtranslation"])
        assert got["trip"] == "round trip: " + flat(want["round_trip"])
        assert got["source"] is None
    # The segment's words the round trip lost are marked in it, and none of them came back.
    drifted = [s for s in shown if s["drift"]]
    assert drifted
    for s in drifted:
        for word in s["drift"]:
            assert re.search(rf"(?<!\w){re.escape(word)}(?!\w)", s["target"])
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", s["trip"], re.I)


SOURCE_ES = ("# El puerto de Valencia\n\nEl puerto de Valencia recibió 950 barcos durante el año pasado. "
             "El alcalde dijo que la ampliación costará 120 millones de euros. "
             "Las obras comenzarán en marzo, según el Ayuntamiento.\n")
TARGET_EN = ("# The port of Valencia\n\nThe port of Valencia received 590 ships during the last year. "
             "The mayor said that the expansion will cost 120 million euros. "
             "Las obras comenzarán en marzo, según el Ayuntamiento.\n")


@pytest.mark.parametrize("engine", ["none", "apertium"])
def test_in_source_aware_mode_each_segment_shows_its_aligned_source(browser, tmp_path, engine):
    src, tgt = tmp_path / "port.es.md", tmp_path / "port.en.md"
    src.write_text(SOURCE_ES, encoding="utf-8")
    tgt.write_text(TARGET_EN, encoding="utf-8")
    page, report = html_and_json(tmp_path, "--engine", engine, "--source", src, "--source-lang", "es",
                                 "--target-lang", "en", tgt)
    file = report["files"][0]
    assert {f["code"] for f in file["findings"]} >= {"A103", "A107"}
    by_index = {s["index"]: s for s in file["segments"]}
    open_page(browser, page)
    [view] = browser.execute_script(MARKED_TEXTS)
    assert view["marked"] == {str(i): f["excerpt"] for i, f in enumerate(file["findings"])}
    shown = browser.execute_script(SEGMENTS_SHOWN)
    assert shown
    for s in shown:
        assert s["source"] == "source: " + flat(by_index[s["index"]]["source"]["text"])
    assert any("590" in s["target"] and "950" in s["source"] for s in shown)


def test_a_folder_of_real_articles_gets_a_sortable_index_and_views_shown_from_inert_templates(browser, tmp_path):
    from benchmarks.corpus import articles

    folder = tmp_path / "articles"
    folder.mkdir()
    texts = articles()[:60]  # real articles, written at test time, never kept in the project
    for n, text in enumerate(texts):
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    page, report = html_and_json(tmp_path, "--engine", "none", folder)
    files = report["files"]
    assert len(files) == 60
    open_page(browser, page)
    rows = browser.find_elements(By.CSS_SELECTOR, "nav.index tbody tr")
    assert [r.find_element(By.TAG_NAME, "a").text for r in rows] == [f["path"] for f in files]
    assert "in 60 files" in browser.find_element(By.CSS_SELECTOR, ".summary").text
    # No file view is in the document until one is chosen: they wait in <template> elements.
    assert not browser.find_elements(By.CSS_SELECTOR, "section.file")
    assert browser.execute_script("return document.querySelectorAll('template[id^=view-]').length") == 60
    # Sorting by score, highest first on the second click.
    header = browser.find_element(By.CSS_SELECTOR, 'nav.index th[data-key="score"] button')
    header.click()
    header.click()
    scores = [float(r.get_attribute("data-score")) for r in browser.find_elements(By.CSS_SELECTOR, "nav.index tbody tr")]
    assert scores == sorted((round(f["score"], 4) for f in files), reverse=True)
    # Following the top row's link shows that file, its findings marked at their excerpts.
    top = browser.find_element(By.CSS_SELECTOR, "nav.index tbody tr a")
    path = top.text
    top.click()
    [view] = browser.execute_script(MARKED_TEXTS)
    [file] = [f for f in files if f["path"] == path]
    assert file["findings"]
    assert view["marked"] == {str(i): f["excerpt"] for i, f in enumerate(file["findings"])}
    assert view["text"] == Path(path).read_text(encoding="utf-8")
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    assert current(browser) == "0"
    # Another file replaces it.
    other = next(n for n, f in enumerate(files) if f["path"] != path and f["findings"])
    browser.execute_script(f"location.hash = '#file-{other}'")
    [view] = browser.execute_script(MARKED_TEXTS)
    assert view["marked"] == {str(i): f["excerpt"] for i, f in enumerate(files[other]["findings"])}


def test_the_copy_button_gives_the_findings_path_line_and_column(browser, tmp_path):
    page, report = html_and_json(tmp_path, "--engine", "none", SEED)
    file = report["files"][0]
    open_page(browser, page)
    buttons = browser.find_elements(By.CSS_SELECTOR, "li.finding button.copy")
    assert [b.get_attribute("data-loc") for b in buttons] == [
        f'{file["path"]}:{f["line"]}:{f["column"]}' for f in file["findings"]]
    button = buttons[3]
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    browser.implicitly_wait(0)
    for _ in range(50):
        if button.text in ("copied", "press Ctrl+C"):
            break
        browser.execute_script("return 1")
    # Copied to the clipboard, or, where the browser refuses that, selected for the user to copy.
    location = button.get_attribute("data-loc")
    if button.text == "copied":
        browser.execute_cdp_cmd("Browser.grantPermissions", {"permissions": ["clipboardReadWrite"]})
        assert browser.execute_script("return navigator.clipboard.readText()") == location
    else:
        assert button.text == "press Ctrl+C"
        assert browser.execute_script("return String(window.getSelection())") == location


def test_the_html_renderer_is_imported_only_when_chosen_and_never_imports_a_browser():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from tqcheck.api import check_text\n"
        "from tqcheck.output import render\n"
        "from tqcheck.output.report import Report\n"
        "report = Report('0', files=[check_text('They said that “the talks were over.')])\n"
        "render(report, 'json'); render(report, 'text')\n"
        "assert 'tqcheck.output.html' not in sys.modules\n"
        "page = render(report, 'html')\n"
        "assert 'tqcheck.output.html' in sys.modules and page.startswith('<!DOCTYPE html>')\n"
        "assert not [m for m in sys.modules if m.startswith('selenium')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


def test_windows_and_old_mac_line_endings_are_kept_and_numbered(browser, tmp_path):
    article = tmp_path / "crlf.txt"
    text = ("The minister said that “the talks were over.\r\nOn the occasion of the meeting, she left.\r"
            "\r\nIn this context of crisis, he said” nothing.\r\n")
    article.write_bytes(text.encode("utf-8"))
    page, report = html_and_json(tmp_path, "--engine", "none", article)
    findings = report["files"][0]["findings"]
    assert findings
    open_page(browser, page)
    [view] = browser.execute_script(MARKED_TEXTS)
    assert view["text"] == text
    assert view["lines"] == 4
    assert view["marked"] == {str(i): f["excerpt"] for i, f in enumerate(findings)}


def test_the_gauge_gives_the_score_the_counts_and_a_strip_of_segments_and_findings(browser, tmp_path):
    page, report = html_and_json(tmp_path, "--engine", "none", SEED)
    file = report["files"][0]
    open_page(browser, page)
    assert browser.find_element(By.CSS_SELECTOR, ".gauge .score").text == f'{file["score"]:.2f}'
    counts = {row.find_element(By.TAG_NAME, "th").text: int(row.find_element(By.TAG_NAME, "td").text)
              for row in browser.find_elements(By.CSS_SELECTOR, ".gauge table.counts tr")}
    for severity in ("error", "warning", "info"):
        assert counts[severity] == sum(f["severity"] == severity for f in file["findings"])
    assert counts["Q quotes"] == sum(f["code"].startswith("Q") for f in file["findings"])
    titles = browser.execute_script(
        "return Array.from(document.querySelectorAll('.gauge svg rect title')).map(function (t) { return t.textContent; })")
    scored = [s for s in file["segments"] if s["score"] > 0]
    shown = [re.fullmatch(r"segment (\d+), score (\d\.\d\d)", t).groups() for t in titles]
    assert [int(n) for n, _ in shown] == [s["index"] + 1 for s in scored]
    assert all(abs(float(v) - s["score"]) <= 0.0051 for (_, v), s in zip(shown, scored))
    ticks = browser.find_elements(By.CSS_SELECTOR, '.gauge svg rect[y="20"]')
    assert len(ticks) == len(file["findings"])
    # The most suspicious segment's shading is the darkest.
    top = max(scored, key=lambda s: s["score"])
    opacities = browser.execute_script(
        "return Array.from(document.querySelectorAll('.gauge svg rect[y=\"0\"][fill-opacity]')).map(function (r) { return +r.getAttribute('fill-opacity'); })")
    assert max(opacities) == opacities[scored.index(top)]


def test_question_mark_shows_and_hides_the_keys(browser, tmp_path):
    page, _ = html_and_json(tmp_path, "--engine", "none", SEED)
    open_page(browser, page)
    help_box = browser.find_element(By.ID, "help")
    assert not help_box.is_displayed()
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    assert help_box.is_displayed() and "next finding" in help_box.text
    browser.find_element(By.TAG_NAME, "body").send_keys("?")
    assert not help_box.is_displayed()

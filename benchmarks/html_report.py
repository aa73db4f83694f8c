"""The html report's benchmark row: `python -m benchmarks.html_report [--articles 1000]`.

Prints (never asserts) three figures: for one article, the time to render its report as HTML
against JSON (target under 2×); for a folder of real articles built at run time from
`../shared/data` into a temporary folder, the size of the page `tqcheck --format html` writes
(target under 30 MB) and its DOMContentLoaded in headless Chromium (target within 3 s).
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import corpus

CHROMEDRIVER = "/usr/bin/chromedriver"


def render_times(text: str, repeats: int) -> tuple[float, float]:
    """Median seconds to render one article's report as JSON and as HTML, in process."""
    from tqcheck import __version__
    from tqcheck.api import check_text
    from tqcheck.output import render
    from tqcheck.rules import by_code
    from tqcheck.output.report import Report

    report = Report(__version__, files=[check_text(text, path="article.txt")], rules=by_code())
    times: dict[str, list[float]] = {"json": [], "html": []}
    render(report, "html")  # imports and the assets' hashes, once
    for _ in range(repeats):
        for fmt in ("json", "html"):
            t0 = time.perf_counter()
            render(report, fmt)
            times[fmt].append(time.perf_counter() - t0)
    return statistics.median(times["json"]), statistics.median(times["html"])


def dom_content_loaded(page: Path, runs: int) -> list[float]:
    """DOMContentLoaded of `page` opened from disk in headless Chromium, seconds after navigation start."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    out = []
    try:
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(page.resolve().as_uri())
            nav = driver.execute_script("return performance.getEntriesByType('navigation')[0].toJSON()")
            out.append(nav["domContentLoadedEventEnd"] / 1000)
    finally:
        driver.quit()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--loads", type=int, default=3)
    args = parser.parse_args(argv)

    texts = corpus.articles()
    longest = max(texts, key=len)
    json_s, html_s = render_times(longest, args.repeats)
    print(f"one article ({len(longest):,} characters): json {json_s * 1000:.1f} ms, html {html_s * 1000:.1f} ms, "
          f"ratio {html_s / json_s:.2f} (target < 2)")
    with tempfile.TemporaryDirectory() as tmp:
        built = corpus.build_corpus(Path(tmp) / "articles", args.articles, 0)
        page = Path(tmp) / "report.html"
        env = dict(os.environ, PYTHONPATH=str(corpus.ROOT))
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--format", "html",
                               "-o", str(page), str(built.folder)], env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 2
        size = page.stat().st_size
        loads = dom_content_loaded(page, args.loads)
    print(f"{built.describe()}: run {wall:.1f} s, page {size / 1e6:.1f} MB (target < 30), "
          f"DOMContentLoaded median {statistics.median(loads):.2f} s [{min(loads):.2f}–{max(loads):.2f}] (target ≤ 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

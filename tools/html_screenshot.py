"""Regenerate the README's picture of the seed's html report: `python tools/html_screenshot.py [OUT.png]`.

Runs `tqcheck check --format html` on the seed (with Apertium when it is installed, so the
segment panel shows round trips), opens the page from disk in headless Chromium, selects the
first error with the keyboard and saves a screenshot (default docs/html-report.png).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_24777a2ba7ef8ce0.txt"
CHROMEDRIVER = "/usr/bin/chromedriver"


def main(argv: list[str]) -> int:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    out = Path(argv[0]) if argv else ROOT / "docs" / "html-report.png"
    engine = "apertium" if shutil.which("apertium") else "none"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        done = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", engine, "--format", "html",
                               "-o", str(page), str(SEED.relative_to(ROOT))], cwd=ROOT, env=env,
                              capture_output=True, text=True)
        if done.returncode not in (0, 1):
            print(done.stderr, file=sys.stderr)
            return 2
        options = webdriver.ChromeOptions()
        for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,900"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.get(page.as_uri())
            body = driver.find_element(By.TAG_NAME, "body")
            first_error = driver.find_element(By.CSS_SELECTOR, 'li.finding[data-sev="error"]').get_attribute("data-i")
            for _ in range(int(first_error) + 1):
                body.send_keys("j")
            driver.execute_script("window.scrollTo(0, 0)")
            out.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(out))
        finally:
            driver.quit()
    print(f"wrote {out} (engine {engine})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

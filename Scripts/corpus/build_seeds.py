"""Render the three seed texts to A4 PDFs in Corpus/seeds/ with their source.txt, and copy the hand-checked gold."""
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpuslib import CORPUS, HERE, render_many, write_text, normalise_pdf  # noqa: E402
from seeds import seed_to_html  # noqa: E402

SEED_DIR = os.environ.get("ITA_SEED_DIR", "/work/shared/seeds")
# seed file prefix -> corpus name (unit type and number, not the seed hash)
SEEDS = [("000_", "s000-thesaban-mueang"), ("002_", "s002-obt"), ("003_", "s003-thesaban-tambon")]


def seed_path(prefix):
    """The seed text whose name starts with prefix."""
    for f in sorted(os.listdir(SEED_DIR)):
        if f.startswith(prefix) and f.endswith(".txt"):
            return os.path.join(SEED_DIR, f)
    raise FileNotFoundError(prefix)


def build():
    """Render seeds, write source.txt, copy gold from Scripts/corpus/gold/."""
    out = os.path.join(CORPUS, "seeds")
    os.makedirs(out, exist_ok=True)
    jobs = []
    for prefix, name in SEEDS:
        with open(seed_path(prefix), encoding="utf-8") as f:
            doc, src = seed_to_html(f.read())
        write_text(os.path.join(out, name + ".source.txt"), src)
        jobs.append((doc, os.path.join(out, name + ".pdf")))
    for pdf in render_many(jobs):
        normalise_pdf(pdf)
    for _, name in SEEDS:
        g = os.path.join(HERE, "gold", name + ".json")
        if os.path.exists(g):
            shutil.copyfile(g, os.path.join(out, name + ".json"))
    return [name for _, name in SEEDS]


if __name__ == "__main__":
    print(build())

#!/usr/bin/env python3
"""Builds the word lists of Mappings/normalise/ from real report text (the seed reports, which
hold the report vocabulary and the ITA question wording):

  lexicon.txt       domain words: runs of 2-3 ICU word tokens written together (no space) at least
                    MIN_COUNT times, i.e. the compounds and set phrases ICU's dictionary lacks
                    (ช่องทาง, เปิดเผย), plus the hand list in lexicon_extra.txt.
  space_before.txt  words that Thai writers set off with a space before them, and
  space_after.txt   words they set off with a space after them (used to decide line-wrap spaces).

Tokens come from ICU's Thai word BreakIterator through the tool itself:
  ita-extract normalise --tokens   (override with TOKENIZER="cmd ...").
Usage: normalise_build_lists.py OUT_DIR TEXT_FILE...
"""
import collections
import os
import re
import shlex
import subprocess
import sys

MIN_COUNT = 3
THAI = re.compile(r"^[\u0e01-\u0e3a\u0e40-\u0e4e]+$")


def tokenise(lines):
    cmd = shlex.split(os.environ.get("TOKENIZER", "ita-extract normalise --tokens"))
    out = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, check=True).stdout
    return [l.split("|") if l else [] for l in out.split("\n")[: len(lines)]]


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    lines = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            lines += [l.rstrip("\n") for l in fh]
    ngrams = collections.Counter()
    before = collections.Counter()   # token starts a chunk that follows a Thai chunk
    after = collections.Counter()    # token ends a chunk that precedes a Thai chunk
    inside_b = collections.Counter()  # token preceded directly by a Thai token
    inside_a = collections.Counter()  # token followed directly by a Thai token
    for toks in tokenise(lines):
        chunks, cur = [], []
        for t in toks:
            if t.strip() == "":
                if cur: chunks.append(cur); cur = []
                chunks.append(None)
            else:
                cur.append(t)
        if cur: chunks.append(cur)
        prev = None
        for i, c in enumerate(chunks):
            if c is None:
                continue
            thai = [t for t in c]
            for k in (2, 3):
                for j in range(len(thai) - k + 1):
                    g = thai[j : j + k]
                    if all(THAI.match(t) for t in g):
                        ngrams["".join(g)] += 1
            for j in range(1, len(thai)):
                if THAI.match(thai[j]) and THAI.match(thai[j - 1]):
                    inside_b[thai[j]] += 1
                    inside_a[thai[j - 1]] += 1
            # A space between two Thai chunks: a phrase space.
            if prev is not None and i >= 2 and chunks[i - 1] is None and THAI.match(c[0]) and THAI.match(prev[-1]):
                before[c[0]] += 1
                after[prev[-1]] += 1
            prev = c
    lexicon = sorted(w for w, n in ngrams.items() if n >= MIN_COUNT and len(w) >= 3)
    extra_path = os.path.join(out_dir, "lexicon_extra.txt")
    extra = []
    if os.path.exists(extra_path):
        extra = [l.strip() for l in open(extra_path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    words = sorted(set(lexicon) | set(extra))

    def spaced(counter, inside):
        return sorted(w for w, n in counter.items() if n >= MIN_COUNT and n >= inside[w])

    header = "# Built by Scripts/bench/normalise_build_lists.py from: " + " ".join(os.path.basename(f) for f in files)
    with open(os.path.join(out_dir, "lexicon.txt"), "w", encoding="utf-8") as fh:
        fh.write(header + "\n# Domain words: ICU-token runs written together >= %d times, plus lexicon_extra.txt.\n" % MIN_COUNT)
        fh.write("\n".join(words) + "\n")
    for name, counter, inside in (("space_before.txt", before, inside_b), ("space_after.txt", after, inside_a)):
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
            fh.write(header + "\n# Words written with a space %s them at least %d times and at least as often as without.\n"
                     % ("before" if "before" in name else "after", MIN_COUNT))
            fh.write("\n".join(spaced(counter, inside)) + "\n")
    print("lexicon %d words, space_before %d, space_after %d" % (len(words), len(spaced(before, inside_b)), len(spaced(after, inside_a))))


if __name__ == "__main__":
    main()

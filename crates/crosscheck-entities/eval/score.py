#!/usr/bin/env python3
"""Entity evaluation for crosscheck-entities: gold from marked-up text, P/R/F1 per label.

    score.py unmark                 marked/*.txt -> docs/*.txt and gold.jsonl (doc paths
                                    relative to the repo root)
    score.py score PRED.jsonl [--map crosscheck|spacy] [--docs PREFIX]
                                    strict (exact span and label) and lenient (overlap, same
                                    label) precision, recall and F1 per label

The fixtures' own entity gold (fixtures/gold/entities.jsonl, annotated by the fixtures'
author, not by us) is scored too; --docs fixtures/ or --docs crates/ picks one set.

Markup: [[surface text|LABEL]] or [[surface text|LABEL|canonical]]. Offsets are UTF-8 bytes.
spaCy mapping: GPE/LOC/FAC -> PLACE, PERSON -> PERSON, ORG -> whichever of COMPANY and
ORGANIZATION the gold has on that span (an oracle in spaCy's favour; ORG elsewhere counts as
COMPANY). The ORG row merges COMPANY and ORGANIZATION for a like-for-like comparison.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|([^\[\]]+))?\]\]")
LABELS = ["COMPANY", "PLACE", "PERSON", "ORGANIZATION"]


def unmark_text(marked):
    out = bytearray()
    ents = []
    pos = 0
    for m in MARK.finditer(marked):
        out += marked[pos:m.start()].encode("utf-8")
        start = len(out)
        out += m.group(1).encode("utf-8")
        ents.append({"start": start, "end": len(out), "label": m.group(2),
                     "text": m.group(1), "canonical": m.group(3) or m.group(1)})
        pos = m.end()
    out += marked[pos:].encode("utf-8")
    return bytes(out), ents


def unmark():
    gold = []
    os.makedirs(os.path.join(HERE, "docs"), exist_ok=True)
    for path in sorted(glob.glob(os.path.join(HERE, "marked", "*.txt"))):
        raw, ents = unmark_text(open(path, encoding="utf-8").read())
        name = os.path.basename(path)
        with open(os.path.join(HERE, "docs", name), "wb") as f:
            f.write(raw)
        doc = os.path.relpath(os.path.join(HERE, "docs", name), ROOT)
        gold.append({"doc": doc, "entities": ents})
    with open(os.path.join(HERE, "gold.jsonl"), "w", encoding="utf-8") as f:
        for g in gold:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    n = sum(len(g["entities"]) for g in gold)
    print(f"{len(gold)} documents, {n} entities", file=sys.stderr)


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(pred_path, mapping, prefix):
    gold = {}
    sources = [os.path.join(HERE, "gold.jsonl"), os.path.join(ROOT, "fixtures", "gold", "entities.jsonl")]
    for src in sources:
        if not os.path.exists(src):
            continue
        for line in open(src, encoding="utf-8"):
            g = json.loads(line)
            if g["doc"].startswith(prefix):
                gold[g["doc"]] = g["entities"]
    preds = {d: [] for d in gold}
    for line in open(pred_path, encoding="utf-8"):
        p = json.loads(line)
        doc = os.path.normpath(p["doc"])
        if doc not in preds:
            # spaCy's peer script names documents by their base name.
            same = [d for d in preds if os.path.basename(d) == os.path.basename(doc)]
            if len(same) != 1:
                continue
            doc = same[0]
        label = p["label"]
        if mapping == "spacy":
            label = {"GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "PERSON": "PERSON",
                     "ORG": "ORG"}.get(label)
            if label is None:
                continue
        preds[doc].append({"start": p["start"], "end": p["end"], "label": label,
                           "canonical": p.get("canonical")})
    rows = {}
    canon_ok = canon_n = 0
    for doc, gs in gold.items():
        ps = preds[doc]
        for p in ps:
            if p["label"] == "ORG":
                same = [g for g in gs if g["start"] == p["start"] and g["end"] == p["end"]
                        and g["label"] in ("COMPANY", "ORGANIZATION")]
                over = [g for g in gs if g["start"] < p["end"] and p["start"] < g["end"]
                        and g["label"] in ("COMPANY", "ORGANIZATION")]
                p["label"] = (same or over or [{"label": "COMPANY"}])[0]["label"]
        for label in LABELS + ["ORG"]:
            labs = ("COMPANY", "ORGANIZATION") if label == "ORG" else (label,)
            g_l = [g for g in gs if g["label"] in labs]
            p_l = [p for p in ps if p["label"] in labs]
            r = rows.setdefault(label, [0, 0, 0, 0, 0])
            gspans = {(g["start"], g["end"]) for g in g_l}
            r[0] += sum(1 for p in p_l if (p["start"], p["end"]) in gspans)
            r[1] += sum(1 for p in p_l if any(g["start"] < p["end"] and p["start"] < g["end"] for g in g_l))
            r[2] += sum(1 for g in g_l if any(g["start"] < p["end"] and p["start"] < g["end"] for p in p_l))
            r[3] += len(p_l)
            r[4] += len(g_l)
        for g in gs:
            for p in ps:
                if (p["start"], p["end"], p["label"]) == (g["start"], g["end"], g["label"]) and p.get("canonical") and g.get("canonical"):
                    canon_n += 1
                    canon_ok += p["canonical"] == g["canonical"]
    print(f"{'label':<13} {'gold':>5} {'pred':>5} | strict P    R    F1   | lenient P    R    F1")
    for label in LABELS + ["ORG"]:
        tp, tpl_p, tpl_g, np_, ng = rows[label]
        sp, sr, sf = prf(tp, np_, ng)
        lp = tpl_p / np_ if np_ else 0.0
        lr = tpl_g / ng if ng else 0.0
        lf = 2 * lp * lr / (lp + lr) if lp + lr else 0.0
        name = "ORG (C+O)" if label == "ORG" else label
        print(f"{name:<13} {ng:>5} {np_:>5} | {sp:.3f} {sr:.3f} {sf:.3f}     | {lp:.3f} {lr:.3f} {lf:.3f}")
    if canon_n:
        print(f"canonical agrees with gold on {canon_ok}/{canon_n} strict matches ({canon_ok / canon_n:.3f})")


def main():
    if len(sys.argv) >= 2 and sys.argv[1] == "unmark":
        unmark()
    elif len(sys.argv) >= 3 and sys.argv[1] == "score":
        mapping = "crosscheck"
        prefix = ""
        args = sys.argv[3:]
        if "--map" in args:
            mapping = args[args.index("--map") + 1]
        if "--docs" in args:
            prefix = args[args.index("--docs") + 1]
        score(sys.argv[2], mapping, prefix)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()

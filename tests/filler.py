"""Made-up news articles, for tests that need more to index than the fixtures (a reload that takes
a while, a build to interrupt): real sentences with quotes and speakers, no outside corpus needed."""

from __future__ import annotations

import random
from pathlib import Path

FIRST = "Anna Boris Clara Dmitri Elena Farid Greta Hassan Ines Jonas Kemal Lena Marco Nadia Oskar Priya".split()
LAST = "Albers Brandt Castell Dorn Ekman Falk Gruber Holm Ivers Jansen Kraus Lind Moser Nagel Ostrow Pohl".split()
TOPICS = [
    ("the harbour", "dredging", "ships"),
    ("the rail line", "tunnel", "passengers"),
    ("the school budget", "teachers", "classrooms"),
    ("the water plant", "pipes", "households"),
    ("the bridge", "repairs", "drivers"),
    ("the hospital", "wards", "patients"),
]


def article(n: int, series: str = "report") -> str:
    """Article `n` of a series: a headline and a dozen paragraphs, two named speakers quoted in several ways."""
    rng = random.Random(f"{series}-{n}")
    a, b = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2))
    place, work, people = TOPICS[n % len(TOPICS)]
    paras = [f"Council debates {place}, {series} {n}"]
    for k in range(12):
        paras.append(
            f"\u201cThe plan for {place} will cost more than we thought in round {k},\u201d said councillor {a}. "
            f"{b}, who chairs the finance committee, said the {work} had been delayed for {rng.randint(2, 40)} weeks."
        )
        paras.append(f"\u201cWe owe the {people} an answer by spring,\u201d {b} told reporters. \u201cThey have waited long enough.\u201d")
    return "\n\n".join(paras) + "\n"


def write_filler(folder: Path, count: int, prefix: str = "filler") -> list[Path]:
    """`count` made-up articles written into `folder`."""
    paths = []
    for n in range(count):
        path = folder / f"{prefix}-{n}.txt"
        path.write_text(article(n, prefix), encoding="utf-8")
        paths.append(path)
    return paths

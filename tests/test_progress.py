"""Progress of an index build: one bar over the whole job on a terminal, a line per stage when piped."""

from __future__ import annotations

import io

from embeddings.progress import Progress, TerminalProgress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _job(progress: Progress) -> None:
    progress.stage("parsing", 4, "article")
    for _ in range(4):
        progress.advance()
    progress.stage("embedding", 100, "text")
    progress.advance(60)
    progress.advance(40)


def test_one_bar_over_the_whole_job_on_a_terminal() -> None:
    screen = Terminal()
    bar = TerminalProgress(screen)
    _job(bar)
    bar.close()
    last = screen.getvalue().split("\r")[-1]
    assert last.startswith("embedding: 100%") and "104/104" in last, last


def test_a_line_per_stage_with_its_rate_when_piped() -> None:
    pipe = io.StringIO()
    bar = TerminalProgress(pipe)
    _job(bar)
    bar.close()
    lines = pipe.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == ["parsing", "embedding"]
    assert lines[0].startswith("parsing: 4 of 4 articles in") and lines[1].endswith("texts/s)")


def test_a_callback_hears_each_stage_begin_and_end() -> None:
    heard = []
    _job(p := Progress(heard.append, every=3600))
    p.end()
    assert [(s.stage, s.done) for s in heard] == [("parsing", 0), ("parsing", 4), ("embedding", 0), ("embedding", 100)]

"""The `whosaid` command line: the same answers as the bot, without Discord."""

from __future__ import annotations

import json
import logging
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import click

from embeddings.settings import Settings


def _settings() -> Settings:
    return Settings()


def _fail(message: str) -> None:
    click.echo(f"whosaid: {message}", err=True)
    sys.exit(1)


def _dump(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from embeddings.dates import check_date

    try:
        return check_date(value) if value is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _filters(command: Callable) -> Callable:
    """--source/--since/--until, shared by `ask` and `quotes`."""
    command = click.option("--until", callback=_date, help="Only articles dated on or before YYYY-MM-DD.")(command)
    command = click.option("--since", callback=_date, help="Only articles dated on or after YYYY-MM-DD.")(command)
    return click.option("--source", help="Only articles from this outlet (part of its name or domain).")(command)


class _Group(click.Group):
    """`-v` anywhere on the line, not only before the command (`whosaid ask "…" -v`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "-v" in args or "--verbose" in args:
            args = ["--verbose", *(a for a in args if a not in {"-v", "--verbose"})]
        return super().parse_args(ctx, args)


@click.group(cls=_Group)
@click.option("-v", "--verbose", is_flag=True, help="Log progress and skipped files.")
@click.version_option(package_name="whosaid", prog_name="whosaid")
def cli(verbose: bool) -> None:
    """Who said what in a folder of news articles: verbatim quotes with citations.

    \b
    Example:
      whosaid index --articles sample
      whosaid ask "Who said there is still a lot of work to be done?"
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("faiss.loader").setLevel(logging.WARNING)  # its "could not load AVX512" lines are no news


@cli.command()
@click.option("--articles", type=click.Path(path_type=Path), help="Articles folder (default: WHOSAID_ARTICLES_DIR).")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder (default: WHOSAID_INDEX_DIR).")
@click.option("--allow-empty", is_flag=True, help="Allow a load with no articles to empty an existing index.")
@click.option("--watch", is_flag=True, help="Keep running and re-index when the articles change.")
def index(articles: Path | None, index_dir: Path | None, allow_empty: bool, watch: bool) -> None:
    """Build or update the index (only new or changed articles are embedded).

    \b
    Example:
      whosaid index --articles ~/news --index ~/news-index
    """
    from embeddings.index import IndexLoadError
    from embeddings.pipeline import BuildInProgress, NothingLoaded, build_index
    from embeddings.progress import TerminalProgress

    settings = _settings()
    articles = articles or settings.articles_dir
    if not articles.exists():
        _fail(f"articles folder {articles} does not exist")
    previous = None
    while True:
        try:
            progress = TerminalProgress(sys.stderr)
            try:
                built, report = build_index(settings, articles, index_dir, previous, progress=progress, allow_empty=allow_empty)
            finally:
                progress.close()
        except (NothingLoaded, BuildInProgress, IndexLoadError, FileNotFoundError, RuntimeError) as exc:
            if not watch:
                _fail(str(exc))
            click.echo(f"whosaid: {exc}", err=True)
        else:
            previous = built
            click.echo(report.summary(built))
        if not watch:
            return
        from watchfiles import watch as watch_changes

        click.echo(f"watching {articles} for changes (Ctrl-C to stop)", err=True)
        next(iter(watch_changes(articles, debounce=1600, raise_interrupt=False)), None)


def _answering_only(settings: Settings) -> None:
    """`ask` and `quotes` only answer. When questions embed with the ONNX copy of the model they
    never need torch, but spaCy's thinc imports it whenever it is installed (seconds of a cold
    start), so such a process marks it absent before spaCy loads; a process that has torch keeps it."""
    from embeddings.vectors import query_model_ready

    if "torch" not in sys.modules and query_model_ready(settings.embedder):
        sys.modules["torch"] = None  # type: ignore[assignment]  # (thinc reads this as "not installed")


def _searcher(index_dir: Path | None):
    from embeddings.index import IndexLoadError
    from embeddings.pipeline import open_searcher

    try:
        return open_searcher(_settings(), index_dir)
    except (IndexLoadError, RuntimeError) as exc:
        _fail(str(exc))


@cli.command()
@click.argument("question")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder.")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@_filters
def ask(question: str, index_dir: Path | None, as_json: bool, source: str | None, since: str | None, until: str | None) -> None:
    """Answer QUESTION; with '-', answer one question per line of stdin.

    \b
    Example:
      whosaid ask "What did Rubio say about Russia?" --since 2025-11-01
      whosaid ask - --json < questions.txt
    """
    settings = _settings()
    _answering_only(settings)
    from bot.answer import answer
    from embeddings.search import Where

    searcher = _searcher(index_dir)
    questions = (line.rstrip("\n") for line in sys.stdin) if question == "-" else [question]
    for q in questions:
        if question == "-" and not q.strip():
            continue
        result = answer(q, searcher, settings.min_score, settings.max_quotes, settings.max_passages, Where(source, since, until))
        if as_json:
            click.echo(_dump(result.to_json()))
        else:
            click.echo(result.text + ("\n" if question == "-" else ""))  # (a blank line between answers)


@cli.command()
@click.option("--speaker", help="A name or title, e.g. 'Rubio' or 'the secretary of state'.")
@click.option("--about", help="Rank the quotes by this topic.")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of quotes.")
@click.option("--limit", default=20, show_default=True, help="At most this many quotes.")
@_filters
def quotes(
    speaker: str | None,
    about: str | None,
    index_dir: Path | None,
    as_json: bool,
    limit: int,
    source: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """List quotes, by speaker and/or topic, each with its citation.

    \b
    Example:
      whosaid quotes --speaker Rubio --about Russia
      whosaid quotes --speaker "the secretary of state" --json
    """
    _answering_only(_settings())
    from bot.answer import citation, describe, list_quotes, quote_json
    from embeddings.search import Where

    results = list_quotes(_searcher(index_dir), speaker, about, limit, Where(source, since, until))
    if as_json:
        click.echo(_dump([quote_json(r) for r in results]))
        return
    if not results:
        click.echo("No quotes found.")
        return
    for n, r in enumerate(results, 1):
        click.echo(describe(r, n))
    click.echo("")
    for n, r in enumerate(results, 1):
        click.echo(f"[{n}] {citation(r.article, r.quote.paragraph)}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one quote per line.")
@click.option("--explain", is_flag=True, help="Under each quote, why it has this speaker: the rules that decided.")
def extract(paths: tuple[Path, ...], as_json: bool, explain: bool) -> None:
    """Quotes and speakers of article files (or every article in a folder), without an index.

    \b
    Example:
      whosaid extract sample --explain
      whosaid extract article.txt --json
    """
    from embeddings.articles import ArticleError, article_files, read_file
    from embeddings.attribution import explain as explain_how
    from embeddings.attribution import extract_quotes
    from embeddings.nlp import load_nlp, parse_articles

    settings = _settings()
    nlp = load_nlp(settings.spacy_model)
    failed = 0
    files = [f for path in paths for f in (sorted(article_files(path)) if path.is_dir() else [path])]
    for path in files:
        if not path.is_file():
            click.echo(f"whosaid: {path}: no such file", err=True)
            failed += 1
            continue
        try:
            articles = read_file(path, str(path), settings.max_file_bytes)
        except (ArticleError, OSError) as exc:
            click.echo(f"whosaid: skipped {path}: {exc}", err=True)
            failed += 1
            continue
        for parsed in parse_articles(articles, nlp):
            for q in extract_quotes(parsed):
                row = {
                    "article": str(path),
                    "quote": q.text,
                    "speaker": q.speaker,
                    "group": q.group,
                    "mention": q.mention,
                    "cue": q.cue,
                    "kind": q.kind,
                    "paragraph": q.paragraph,
                    "start": q.start,
                    "end": q.end,
                    "how": q.how,
                }
                click.echo(_dump(row) if as_json else f"{path}:{q.paragraph} [{q.kind}] {q.speaker or '?'}: {q.text}")
                if explain and not as_json:
                    click.echo(textwrap.indent(explain_how(q.how), "    "))
    if failed == len(files):
        sys.exit(1)


@cli.command()
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder (default: WHOSAID_INDEX_DIR).")
@click.option("--all", "every", is_flag=True, help="Every vote, not only the answers voted down.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines, one vote per line.")
def feedback(index_dir: Path | None, every: bool, as_json: bool) -> None:
    """The answers readers voted down on Discord (👎), newest first, for a person to check.

    \b
    Example:
      whosaid feedback
      whosaid feedback --all --json > votes.jsonl
    """
    from bot.feedback import FeedbackStore

    store = FeedbackStore((index_dir or _settings().index_dir) / "feedback.sqlite")
    votes = store.votes(None if every else -1)
    if not votes:
        click.echo("No votes yet." if every else "No answer has been voted down.")
    for v in votes:
        if as_json:
            click.echo(_dump({"at": v.at, "vote": v.vote, "question": v.question, "answer": v.answer, "quotes": v.quotes}))
            continue
        thumb = "\N{THUMBS UP SIGN}" if v.vote > 0 else "\N{THUMBS DOWN SIGN}"
        click.echo(f"{v.at} {thumb} {v.question}")
        for q in v.quotes:
            click.echo(f"    {q['speaker'] or 'no one named'}: \u201c{q['quote'][:160]}\u201d ({q['article']}, paragraph {q['paragraph']})")
            click.echo(f"      why: {q['how']}" if q["how"] else "      why: (not recorded)")


@cli.command()
def rules() -> None:
    """The attribution rules, stage by stage, as Markdown (docs/attribution.md is this output).

    \b
    Example:
      whosaid rules > docs/attribution.md
    """
    from embeddings.attribution.catalogue import catalogue

    click.echo(catalogue(), nl=False)


@cli.command()
def run() -> None:
    """Start the Discord bot (needs DISCORD_TOKEN).

    \b
    Example:
      cp .env.example .env   # then fill in DISCORD_TOKEN
      whosaid run
    """
    from bot.discord_app import main

    main()


def main() -> None:
    cli()


if __name__ == "__main__":
    main()

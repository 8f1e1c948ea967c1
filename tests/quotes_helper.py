"""Run the real extractor over a snippet of article text."""

from __future__ import annotations

from embeddings.articles import parse_text
from embeddings.attribution import Quote, extract_quotes
from embeddings.nlp import load_nlp, parse_articles


def quotes_of(body: str, title: str = "Headline") -> list[Quote]:
    article = parse_text(f"{title}\n\n{body}", "snippet.txt")
    (parsed,) = parse_articles([article], load_nlp())
    found = extract_quotes(parsed)
    for q in found:
        assert article.text[q.start : q.end] == q.text
    return found

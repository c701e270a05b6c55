"""The names that once lived here, kept for code that imports them: loading is now ``kg.load``.

``load_article`` reads one text file (``kg.load.text``); ``find_article_files``
and ``load_articles`` work on every registered format; ``dateline_end`` is
the wire-story dateline rule the extractor uses.
"""
from __future__ import annotations

from .load import find_sources as find_article_files
from .load import load_articles
from .load.base import dateline_end
from .load.text import load_article

__all__ = ["load_article", "find_article_files", "load_articles", "dateline_end"]

"""Settings shared by every stage, defined in one place.

The base IRI of everything geokg mints can be changed with the environment
variable ``GEOKG_BASE`` (before ``kg`` is imported) so that graphs built by two
teams do not collide.
"""
from __future__ import annotations

import os

BASE = os.environ.get("GEOKG_BASE", "https://geokg.example/").rstrip("/") + "/"

ONTOLOGY = BASE + "ontology#"
ENTITY = BASE + "entity/"
STATEMENT = BASE + "statement/"
SOURCE = BASE + "source/"
ARTICLE = BASE + "article/"
EVENT_TYPE = BASE + "cameo/"
# The stored union of all graphs, the default graph of every query: Oxigraph's default graph in
# the embedded store, this named graph on a SPARQL server and in embedded stores written before
# it moved (see kg.store).
UNION_GRAPH = BASE + "graph/union"
# Where the embedded store keeps what the dataset's default graph says (the ontology, the articles'
# metadata), its own default graph holding the union; exports give it back as the default graph.
DEFAULT_GRAPH = BASE + "graph/default"
# What kg.corroborate derives from all articles (origins, grades, conflicts), replaced on each build.
ASSESSMENT_GRAPH = BASE + "graph/assessment"
ORIGIN = BASE + "origin/"

EXTRACTOR_NAME = "geokg.rules"
EXTRACTOR_VERSION = "1"

# Articles above this size are refused: news articles are a few thousand
# words; anything much bigger is almost certainly the wrong file.
MAX_ARTICLE_BYTES = 2_000_000
# A saved web page or one page of a crawl: pages carry scripts and styles, so
# they may be far bigger than the article text they hold.
MAX_PAGE_BYTES = 20_000_000
# A JSON dump or a feed file, read whole; a WARC crawl is streamed, with no limit.
MAX_DUMP_BYTES = 256_000_000

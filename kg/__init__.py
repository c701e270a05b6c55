"""geokg: news articles about geopolitical events -> an RDF knowledge graph.

The functions a notebook needs are here: ``kg.build``, ``kg.query``,
``kg.export``, ``kg.graph`` (rdflib), ``kg.networkx_graph``, ``kg.analyze``,
``kg.path``, ``kg.viz``; ``kg.api.validate`` and ``kg.api.serve`` check and
serve the store.
"""
__version__ = "0.1.0"

from .api import (analyze, build, central_actors, export, graph, library, networkx_graph, open_store,  # noqa: E402
                  path, query, sparql_json, viz, write_export)
from .errors import KgError  # noqa: E402

__all__ = ["build", "query", "export", "graph", "networkx_graph", "analyze", "path", "central_actors", "library",
           "viz", "open_store", "sparql_json", "write_export", "KgError"]

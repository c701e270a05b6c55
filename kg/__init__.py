"""geokg: news articles about geopolitical events -> an RDF knowledge graph.

The functions a notebook needs are here: ``kg.build``, ``kg.query``,
``kg.export``, ``kg.graph`` (rdflib), ``kg.networkx_graph``, ``kg.viz``.
"""
__version__ = "0.1.0"

from .api import (build, central_actors, export, graph, library, networkx_graph, open_store, query,  # noqa: E402
                  sparql_json, viz)
from .errors import KgError  # noqa: E402

__all__ = ["build", "query", "export", "graph", "networkx_graph", "central_actors", "library", "viz",
           "open_store", "sparql_json", "KgError"]

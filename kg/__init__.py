"""geokg: news articles about geopolitical events -> an RDF knowledge graph."""
__version__ = "0.1.0"

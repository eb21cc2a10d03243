"""Parse a page's RDFa (pyRdfa, as HTML5) and check it against the OSLO "Besluit
publicatie" SHACL shapes (``../shared/vendor/besluit-publicatie/``, or ``BESLUIT_SHACL``)."""

from __future__ import annotations

import io
import os
from functools import cache
from pathlib import Path

from pyRdfa import Options, pyRdfa
from pyshacl import validate
from rdflib import Graph, Namespace
from rdflib.namespace import RDF

REPO = Path(__file__).resolve().parents[2]
SHAPES = Path(
    os.environ.get(
        "BESLUIT_SHACL",
        REPO.parent / "shared" / "vendor" / "besluit-publicatie" / "besluit-publicatie-SHACL.ttl",
    )
)
BESLUIT = Namespace("http://data.vlaanderen.be/ns/besluit#")


@cache
def shapes() -> Graph:
    if not SHAPES.exists():
        raise RuntimeError(f"SHACL shapes not found at {SHAPES} (set BESLUIT_SHACL)")
    return Graph().parse(SHAPES, format="turtle")


def graph_of(html: str, base: str) -> Graph:
    return pyRdfa(Options(), base=base, media_type="text/html").graph_from_source(io.StringIO(html))


def conformance(html: str, base: str) -> tuple[bool, str, Graph]:
    data = graph_of(html, base)
    conforms, _graph, text = validate(data, shacl_graph=shapes(), inference="none")
    return conforms, text, data


def typed(data: Graph, cls) -> list:
    return list(data.subjects(RDF.type, cls))

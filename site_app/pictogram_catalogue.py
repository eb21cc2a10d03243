"""The catalogue of the pictogram library in ``site_app/static/pictograms``.

The entries (name, Dutch search keywords, labels per language) are data:
``pictogram_catalogue.toml`` next to this module, which also explains how the SVGs are drawn.
"""

import tomllib
from pathlib import Path

PICTOGRAMS: tuple[dict, ...] = tuple(
    tomllib.loads(Path(__file__).with_name("pictogram_catalogue.toml").read_text("utf-8"))[
        "pictogram"
    ]
)

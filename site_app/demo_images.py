"""Generated illustrations for demo content (no stock photos): simple shapes drawn by Pillow."""

import hashlib
import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

# Muted city palette; each pair is (background, shapes) with enough contrast to read as a picture.
PALETTES = [
    ("#0b5fa5", "#f2c94c"),
    ("#1d6f42", "#e8f3ec"),
    ("#7a2e8e", "#f6d5ff"),
    ("#a33a1e", "#ffe3d6"),
    ("#234e70", "#fbf8be"),
    ("#2f4858", "#86bbd8"),
]


def draw_illustration(seed: str, width: int = 1200, height: int = 800) -> bytes:
    """A deterministic abstract 'city' picture: sky, sun, rooftops and a street line."""
    rnd = random.Random(hashlib.sha256(seed.encode()).hexdigest())
    background, accent = rnd.choice(PALETTES)
    picture = PILImage.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(picture)
    sun = rnd.randint(80, 140)
    sx, sy = rnd.randint(sun, width - sun), rnd.randint(sun, height // 3)
    draw.ellipse((sx - sun, sy - sun, sx + sun, sy + sun), fill=accent)
    x = 0
    while x < width:
        w = rnd.randint(90, 200)
        h = rnd.randint(height // 4, height // 2)
        top = height - h - 80
        draw.rectangle((x, top, x + w - 10, height - 80), fill=accent, outline=background)
        draw.polygon(
            [(x, top), (x + (w - 10) // 2, top - rnd.randint(30, 80)), (x + w - 10, top)],
            fill=accent,
        )
        for wy in range(top + 30, height - 120, 60):
            for wx in range(x + 20, x + w - 40, 45):
                draw.rectangle((wx, wy, wx + 20, wy + 28), fill=background)
        x += w
    draw.rectangle((0, height - 80, width, height), fill=background)
    draw.line((0, height - 40, width, height - 40), fill=accent, width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def demo_image(title: str, alt: str, seed: str | None = None):
    """Get or create a Wagtail image with a generated illustration."""
    from wagtail.images.models import Image

    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_illustration(seed or title)
    filename = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12] + ".jpg"
    image = Image(title=title, description=alt)
    image.file = ImageFile(io.BytesIO(data), name=filename)
    image.save()
    return image

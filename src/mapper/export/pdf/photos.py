"""Persona photos: decoded once, downscaled, ready for reportlab."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.lib.utils import ImageReader

from mapper.model import Persona

MAX_PIXELS = 512  # plenty for a 2-inch print at 250 dpi; keeps PDFs small
MAX_SOURCE_PIXELS = 40_000_000  # refuse decompression bombs


class PhotoCache:
    """Each persona's photo as an ImageReader (or None), with a warning for bad ones."""

    def __init__(self) -> None:
        self._readers: dict[str, ImageReader | None] = {}
        self.warnings: list[str] = []

    def get(self, persona: Persona | None) -> ImageReader | None:
        if persona is None or persona.photo is None:
            return None
        if persona.id not in self._readers:
            self._readers[persona.id] = self._load(persona)
        return self._readers[persona.id]

    def _load(self, persona: Persona) -> ImageReader | None:
        assert persona.photo is not None
        try:
            with Image.open(io.BytesIO(persona.photo.data)) as image:
                if image.format not in ("PNG", "JPEG"):
                    raise ValueError(f"{image.format} images are not supported")
                if image.width * image.height > MAX_SOURCE_PIXELS:
                    raise ValueError("the image is too large")
                image.load()
                picture = image.convert("RGBA" if _has_alpha(image) else "RGB")
        except Exception as exc:  # any undecodable image: skip it, say so
            self.warnings.append(
                f"the photo of persona {persona.name!r} cannot be read and is left out ({exc})"
            )
            return None
        picture.thumbnail((MAX_PIXELS, MAX_PIXELS), Image.Resampling.LANCZOS)
        if picture.mode == "RGBA":  # flatten on white: PDF soft masks are not worth it here
            flat = Image.new("RGB", picture.size, "white")
            flat.paste(picture, mask=picture.getchannel("A"))
            picture = flat
        return ImageReader(picture)


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info

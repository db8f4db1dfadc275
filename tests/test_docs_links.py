"""The README and the docs link only to files of the repository, and those files exist.

A clone holds nothing else: no shared folder next to it, no git-ignored
artifacts, and it may be read offline.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "CHANGELOG.md",
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "scripts" / "neo4j" / "README.md",
]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
IMAGES = ROOT / "docs" / "images"
IMAGE_BYTES = 120_000  # a committed screenshot stays small (scripts/doc_screenshots.py)
IGNORED = ("artifacts", ".cache", "build", "dist")


def links(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return LINK.findall(text)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_links_stay_inside_the_repository(page):
    for target in links(page):
        assert "://" not in target, f"{page.name}: {target} leaves the repository"
        path = target.split("#", 1)[0]
        if not path:
            continue
        resolved = (page.parent / path).resolve()
        assert resolved.is_relative_to(ROOT), f"{page.name}: {target} is outside the clone"
        relative = resolved.relative_to(ROOT)
        assert relative.parts[0] not in IGNORED, f"{page.name}: {target} is git-ignored"
        assert resolved.exists(), f"{page.name}: {target} does not exist"


def images(page: Path) -> list[Path]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return [(page.parent / target).resolve() for target in IMAGE.findall(text)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_embedded_images_exist_in_the_repository_and_stay_small(page):
    for image in images(page):
        assert image.is_relative_to(IMAGES), f"{page.name}: {image} is not in docs/images/"
        assert image.is_file(), f"{page.name}: {image.relative_to(ROOT)} does not exist"
        assert image.stat().st_size <= IMAGE_BYTES, f"{image.name} is too large"


def test_every_committed_image_is_shown_by_a_page():
    shown = {image for page in PAGES for image in images(page)}
    assert shown, "docs/dashboard.md embeds the dashboard's screenshots"
    for image in sorted(IMAGES.glob("*")) if IMAGES.is_dir() else ():
        assert image.resolve() in shown, f"{image.relative_to(ROOT)} is shown by no page"

"""A page's structure: its HTML with the words taken out, so that pages built from the same
template with different data (342 municipality pages) are checked in the browser once.

What stays exactly as it is: every element, every attribute and its value (classes, ids, roles,
ARIA, data attributes, the stylesheets and scripts it loads), inline scripts, and the order
of it all. Two pages with the same structure get the same styles, the same Tab stops and the
same scripts, so every check that looks at markup, styles or names gives the same answer.

What is taken out is the wording, replaced by what of it the checks can see:
- whether there is any text at all (an empty link or label has no name);
- for short texts, their exact length (a link of one or two letters is a small touch target;
  whether a link is "inline in a sentence" depends on 3 letters more or less around it);
- every word longer than :data:`LONG_WORD` letters, by its length (a long word can make a page
  scroll sideways at 320 px);
- for every link, whether its text is one of the vague link texts, and for a phone link,
  whether its number is in the right format;
- for other links, only whether they stay on the site or go elsewhere (checks never follow them).

So a mistake that data brings into one page still shows: an empty name, a vague link text, a
wrong phone link, a long word, or anything that changes the markup (a class that gives
low contrast) makes that page's structure differ, and it is checked on its own.
"""

from __future__ import annotations

import hashlib
import html
import re

from . import rules

LONG_WORD = 12
"""Words of more letters than this are kept by their length: they could stick out at 320 px."""

_TOKEN = re.compile(
    r"(<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>)", re.DOTALL | re.IGNORECASE
)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
_TAG_NAME = re.compile(r"</?([a-zA-Z][\w-]*)")
_WORDING_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder"})
_LINK_ELSEWHERE = ("http:", "https:", "//")
_TEL = [re.compile(pattern) for pattern in rules.TEL_PATTERNS]


def text_shape(text: str) -> str:
    """What the checks can see of a piece of text: '' when empty, else its size and long words."""
    letters = "".join(text.split())
    if not letters:
        return ""
    size = str(len(letters)) if len(letters) < 4 else "4+"
    long_words = [str(len(word)) for word in text.split() if len(word) > LONG_WORD]
    return "~".join([size, *long_words])


def _vague(name: str) -> bool:
    """The same test as the in-page link-text check (in_page.js, documentChecks)."""
    name = " ".join(name.split()).lower()
    name = re.sub(r"[\s.:;,!?»›→…>]+$", "", name)
    name = re.sub(r"^[\s«‹←<]+", "", name)
    return name in rules.VAGUE_LINK_TEXTS


def _href_shape(tag: str, href: str, rel: str) -> str:
    if tag == "link" and rel not in ("canonical", "alternate", "prev", "next"):
        return href  # a stylesheet, icon or manifest: loaded, so kept exactly
    if tag not in ("a", "area", "link") or href.startswith("#"):
        return href
    if href.lower().startswith("tel:"):
        return "tel:" + ("ok" if any(p.search(href) for p in _TEL) else href)
    if href.lower().startswith(("mailto:", "javascript:", "data:")):
        return href
    return "elsewhere" if href.lower().startswith(_LINK_ELSEWHERE) else "site"


def _tag(token: str) -> tuple[str, str, str]:
    """The tag's name, its shape (attributes with wording reduced), and its aria-label."""
    match = _TAG_NAME.match(token)
    if not match or token.startswith("</"):
        return (match.group(1).lower() if match else ""), token, ""
    name = match.group(1).lower()
    attributes = {}
    for key, value in _ATTRIBUTE.findall(token[match.end() : -1]):
        attributes[key.lower()] = html.unescape(value[1:-1] if value[:1] in "\"'" else value)
    label = attributes.get("aria-label", "")
    parts = [name]
    for key, value in attributes.items():
        if key == "href":
            value = _href_shape(name, value, attributes.get("rel", "").lower())
        elif key in _WORDING_ATTRIBUTES or (name == "meta" and key == "content"):
            value = text_shape(value)
        parts.append(f"{key}={value!r}")
    return name, "<" + " ".join(parts) + ">", label


def skeleton(page: bytes) -> bytes:
    """The page's structure, as bytes to hash (see the module's explanation)."""
    out: list[str] = []
    link: list[str] | None = None  # the text of the link being read, for the vague-text test
    label = ""
    for index, token in enumerate(_TOKEN.split(page.decode("utf-8", "replace"))):
        if index % 2 == 0:  # text between tags
            text = html.unescape(token)
            if link is not None:
                link.append(text)
            out.append(text_shape(text))
            continue
        if token.startswith(("<script", "<style", "<!--", "<SCRIPT", "<STYLE")):
            out.append(token)
            continue
        name, shape, aria_label = _tag(token)
        out.append(shape)
        if name == "a" and not token.startswith("</"):
            link, label = [], aria_label
        elif name == "a" and link is not None:
            out.append("vague-link" if _vague(label or "".join(link)) else "")
            link = None
    return "\0".join(out).encode()


def structure_hash(page: bytes) -> bytes:
    """A short digest of :func:`skeleton`."""
    return hashlib.sha256(skeleton(page)).digest()

"""Validity checks for RSS 2.0 and Atom (RFC 4287), beyond what a parser tolerates.

feedparser accepts feeds that validators reject. These checks test the elements the
specifications require (and the ones QUALITY.md asks for): channel link vs. self link, ids,
authors, RFC 822 / RFC 3339 dates with a time zone, absolute links, unique ids.
"""

import re
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def _absolute(url: str | None) -> bool:
    parts = urlsplit(url or "")
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _rfc822(value: str | None) -> bool:
    try:
        parsed = parsedate_to_datetime(value or "")
    except (TypeError, ValueError):
        return False
    return parsed.tzinfo is not None


def problems(body: bytes, fmt: str, self_url: str | None = None) -> list[str]:
    """What makes this feed invalid (empty when valid)."""
    root = ElementTree.fromstring(body)
    return _rss_problems(root, self_url) if fmt == "rss" else _atom_problems(root, self_url)


def _rss_problems(root, self_url) -> list[str]:
    found = []
    if root.tag != "rss" or root.get("version") != "2.0":
        return [f"root is <{root.tag} version={root.get('version')}>, not RSS 2.0"]
    channels = root.findall("channel")
    if len(channels) != 1:
        return [f"{len(channels)} <channel> elements"]
    channel = channels[0]
    for required in ("title", "link", "description"):
        if not (channel.findtext(required) or "").strip():
            found.append(f"channel has no <{required}>")
    link = channel.findtext("link")
    self_links = [el for el in channel.findall(f"{ATOM}link") if el.get("rel") == "self"]
    if len(self_links) != 1:
        found.append("channel needs exactly one atom:link rel=self")
    else:
        if self_url and self_links[0].get("href") != self_url:
            found.append(f"atom:link self is {self_links[0].get('href')}, not {self_url}")
        if self_links[0].get("href") == link:
            found.append("channel <link> is the feed itself, not the page it follows")
    if not _absolute(link):
        found.append(f"channel <link> {link!r} is not absolute")
    guids = []
    for number, item in enumerate(root.iter("item"), 1):
        if not (item.findtext("title") or item.findtext("description")):
            found.append(f"item {number} has neither title nor description")
        if not _absolute(item.findtext("link")):
            found.append(f"item {number} link is not absolute")
        guid = item.findtext("guid")
        if not guid:
            found.append(f"item {number} has no guid")
        guids.append(guid)
        if not _rfc822(item.findtext("pubDate")):
            found.append(f"item {number} pubDate {item.findtext('pubDate')!r} is not RFC 822")
        if not (item.findtext(f"{DC}creator") or "").strip():
            found.append(f"item {number} has no dc:creator")
        for category in item.findall("category"):
            if not (category.text or "").strip():
                found.append(f"item {number} has an empty category")
    if len(set(guids)) != len(guids):
        found.append("guids are not unique")
    return found


def _atom_problems(root, self_url) -> list[str]:
    found = []
    if root.tag != f"{ATOM}feed":
        return [f"root is <{root.tag}>, not an Atom feed"]
    for required in ("id", "title", "updated"):
        if not (root.findtext(f"{ATOM}{required}") or "").strip():
            found.append(f"feed has no <{required}>")
    if not RFC3339.match(root.findtext(f"{ATOM}updated") or ""):
        found.append("feed <updated> is not RFC 3339")
    links = {el.get("rel", "alternate"): el for el in root.findall(f"{ATOM}link")}
    if "self" not in links or (self_url and links["self"].get("href") != self_url):
        found.append("feed has no (right) link rel=self")
    if "alternate" not in links or not _absolute(links["alternate"].get("href")):
        found.append("feed has no absolute link rel=alternate")
    elif "self" in links and links["alternate"].get("href") == links["self"].get("href"):
        found.append("feed's alternate link is the feed itself")
    feed_author = root.find(f"{ATOM}author/{ATOM}name") is not None
    ids = []
    for number, entry in enumerate(root.findall(f"{ATOM}entry"), 1):
        entry_id = entry.findtext(f"{ATOM}id") or ""
        if not re.match(r"^[a-z][a-z0-9+.-]*:", entry_id):
            found.append(f"entry {number} id {entry_id!r} is not an IRI")
        ids.append(entry_id)
        if not (entry.findtext(f"{ATOM}title") or "").strip():
            found.append(f"entry {number} has no title")
        for date_element in ("updated", "published"):
            if not RFC3339.match(entry.findtext(f"{ATOM}{date_element}") or ""):
                found.append(f"entry {number} <{date_element}> is not RFC 3339")
        names = [(n.text or "").strip() for n in entry.findall(f"{ATOM}author/{ATOM}name")]
        if not any(names):
            found.append(f"entry {number} has no author name")
        if not names and not feed_author:
            found.append(f"entry {number} has no author and the feed has none either")
        alternates = [
            el for el in entry.findall(f"{ATOM}link") if el.get("rel", "alternate") == "alternate"
        ]
        if not alternates or not all(_absolute(el.get("href")) for el in alternates):
            found.append(f"entry {number} has no absolute alternate link")
        if entry.find(f"{ATOM}summary") is None and entry.find(f"{ATOM}content") is None:
            found.append(f"entry {number} has neither summary nor content")
    if len(set(ids)) != len(ids):
        found.append("entry ids are not unique")
    return found

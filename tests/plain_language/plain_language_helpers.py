"""Helpers to build StreamField values for policy notes in tests."""


def paragraph(*sentences):
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def section(title, *paragraphs, summary=(), actions=()):
    return {
        "type": "section",
        "value": {
            "title": title,
            "summary": list(summary),
            "body": [{"type": "paragraph", "value": p} for p in paragraphs],
            "actions": [
                {"title": t, "what": w, "who": "Dienst", "when": "2021", "budget": ""}
                for t, w in actions
            ],
        },
    }


def line(pictogram, text, decorative=False):
    return {
        "type": "pictogram_paragraph",
        "value": {"pictogram": pictogram.pk, "text": text, "decorative": decorative},
    }

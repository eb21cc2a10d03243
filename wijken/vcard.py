"""vCard 4.0 (RFC 6350) for a contact person: work details only, escaped and folded."""


def escape(text: str) -> str:
    """Escape a text value (RFC 6350 §3.4): backslash, comma, semicolon and newlines."""
    text = text.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """Fold a content line to at most 75 octets per line, never inside a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode())
        limit = 75 if not out else 74  # continuation lines start with one space
        if size + width > limit:
            out.append(current)
            current, size = "", 0
        current += char
        size += width
    out.append(current)
    return "\r\n ".join(out)


def vcard(person) -> str:
    given, _sep, surname = person.name.partition(" ")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{escape(person.name)}",
        f"N:{escape(surname)};{escape(given)};;;",
        f"TITLE:{escape(person.role)}",
        f"ROLE:{escape(person.role)}",
    ]
    if person.organisation:
        lines.append(f"ORG:{escape(person.organisation)}")
    if person.phone:
        lines.append(f"TEL;TYPE=work,voice;VALUE=uri:{person.tel_uri}")
    if person.email:
        lines.append(f"EMAIL;TYPE=work:{escape(person.email)}")
    if person.hours:
        lines.append(f"NOTE:{escape(person.hours)}")
    lines.append(f"UID:urn:uuid:{person.translation_key}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)

r"""The text of a spreadsheet file: its encoding and delimiter, checked, with the detected problem named.

Reading never guesses an encoding or a delimiter: it reads what it is told (UTF-8 and commas by default)
and, when the file does not fit, says what the file looks like instead and which option reads it:

* bytes that are not UTF-8: the first such byte, its line, and what it would be in Windows-1252 (cp1252)
  and Mac Roman, the two legacy encodings that spreadsheets on Windows and old Macs write
  (``encoding="cp1252"`` or ``encoding="mac_roman"``);
* UTF-16 without a byte-order mark (every other byte zero): ``encoding="utf-16-le"`` (or ``-be``);
* a first line ``sep=;`` (a spreadsheet's delimiter hint, not a header): named, with the delimiter it gives;
* a header that is one column holding semicolons or tabs: a semicolon- or tab-delimited file
  (``delimiter=";"`` or ``delimiter="\t"``).

Example:
    >>> decode(b"City,Ban\n", "x.csv", encoding="utf-8")
    'City,Ban\n'
    >>> decode(b"City\nSt Paul \x92s\n", "x.csv", encoding="utf-8")
    Traceback (most recent call last):
    ...
    policeframeworks.exceptions.ValidationError: 1 problem in x.csv:
      x.csv: line 2: byte 0x92 is not UTF-8; it reads as '’' in Windows-1252 and as 'í' in Mac Roman: pass encoding='cp1252' or encoding='mac_roman' (whichever the file was saved in)
"""  # noqa: E501, RUF002

from __future__ import annotations

import codecs
import re

from ..exceptions import Problem, ValidationError

__all__ = ["check_delimiter", "check_encoding", "check_sep_line", "decode"]

_SEP_LINE = re.compile(r"\A\ufeff?\s*sep\s*=\s*(.?)\s*\Z", re.IGNORECASE)


def check_encoding(encoding: object) -> Problem | None:
    """A problem if ``encoding`` is not a text encoding Python knows."""
    if not isinstance(encoding, str) or not encoding.strip():
        return Problem("encoding", f"expected the name of a text encoding, got {encoding!r}")
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return Problem("encoding", f"{encoding!r} is not a known text encoding (e.g. 'utf-8', 'cp1252')")
    if not getattr(info, "_is_text_encoding", True):
        return Problem("encoding", f"{encoding!r} is not a text encoding")
    return None


def check_delimiter(delimiter: object) -> Problem | None:
    """A problem if ``delimiter`` is not one character usable as a CSV delimiter."""
    if not isinstance(delimiter, str) or len(delimiter) != 1 or delimiter in '"\r\n' or delimiter.isalnum():
        return Problem("delimiter", f"expected one character such as ',', ';' or '\t', got {delimiter!r}")
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    sample = raw[:2000]
    if len(sample) < 4 or sample[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def decode(raw: bytes, file: str, *, encoding: str = "utf-8") -> str:
    """The text of ``raw``, read as ``encoding`` (a UTF-8 byte-order mark is allowed and removed).

    Raises:
        ValidationError: the bytes are not in that encoding; the problem says what they look like.
    """
    utf16 = (
        _utf16_without_bom(raw) if codecs.lookup(encoding).name not in ("utf-16-le", "utf-16-be") else None
    )
    if utf16 is not None:
        raise ValidationError(
            [
                Problem(
                    "line 1",
                    f"the file looks like UTF-16 without a byte-order mark (every other byte is zero); "
                    f"pass encoding={utf16!r}",
                )
            ],
            file=file,
        )
    name = codecs.lookup(encoding).name
    if name == "utf-8":
        encoding = "utf-8-sig"
    elif name.startswith("utf-16") and raw[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        if name == "utf-8":
            bad = raw[exc.start : exc.start + 1]
            legacy = f"it reads as {bad.decode('cp1252', 'replace')!r} in Windows-1252 and as " + (
                f"{bad.decode('mac_roman')!r} in Mac Roman"
            )
            message = (
                f"byte 0x{bad.hex()} is not UTF-8; {legacy}: pass encoding='cp1252' or "
                "encoding='mac_roman' (whichever the file was saved in)"
            )
        else:
            message = f"byte {exc.start} is not {encoding} ({exc.reason}); pass the file's encoding"
        raise ValidationError([Problem(f"line {line}", message)], file=file) from None
    return text


def check_sep_line(first_line: str, file: str) -> None:
    """Refuse a spreadsheet's ``sep=X`` hint line in place of a header, naming the delimiter it gives.

    Raises:
        ValidationError: the first line is ``sep=...``.
    """
    m = _SEP_LINE.match(first_line)
    if m:
        sep = m.group(1)
        raise ValidationError(
            [
                Problem(
                    "line 1",
                    f"the first line {first_line.strip()!r} is a spreadsheet's delimiter hint (delimiter "
                    f"{sep!r}), not a header row: delete that line"
                    + (f" and pass delimiter={sep!r}" if sep and sep != "," else ""),
                )
            ],
            file=file,
        )


def delimiter_hint(headers: list[str], delimiter: str) -> str | None:
    """What a one-column header suggests about the delimiter, or None.

    Example:
        >>> delimiter_hint(["City;State;Ban"], ",")
        "the header is one column holding 2 ';': a ';'-delimited file? pass delimiter=';'"
    """
    if len(headers) != 1:
        return None
    counts = {d: headers[0].count(d) for d in (";", "\t", "|") if d != delimiter}
    best = max(counts, key=lambda d: counts[d])
    if not counts[best]:
        return None
    return (
        f"the header is one column holding {counts[best]} {best!r}: a {best!r}-delimited file? "
        f"pass delimiter={best!r}"
    )

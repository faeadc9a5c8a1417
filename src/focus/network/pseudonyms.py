"""Pseudonymous labels: a stable code per person, so that pictures and exports carry no names.

A label is ``P-`` and twelve hexadecimal characters of an HMAC-SHA256 of the person id under the
lake's own key (``<lake>/_keys/pseudonyms.key``, made on first use). The same person keeps the same
label in every run on the same lake; without the key, a label cannot be turned back into a person
by trying record ids. 48 bits make a clash unlikely even among a million people (about one chance
in 500), and ``assign_labels`` lengthens the labels of any that do clash, so two people never share
one.
"""

from __future__ import annotations

import hmac
import secrets
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from focus.network._errors import NetworkError

KEY_FILE = Path("_keys") / "pseudonyms.key"
LABEL_CHARS = 12


def pseudonym_key(lake_root: Path) -> bytes:
    """The lake's pseudonym key, made (32 random bytes, hex) the first time it is asked for."""
    path = lake_root / KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_suffix(".tmp")
        staged.write_text(secrets.token_hex(32) + "\n", encoding="utf-8")
        staged.chmod(0o600)
        staged.replace(path)
    try:
        return bytes.fromhex(path.read_text(encoding="utf-8").strip())
    except ValueError as error:
        raise NetworkError(
            f"The pseudonym key {path} is damaged. Restore it from a backup so that labels stay "
            "the same; deleting it makes a new key and every label changes."
        ) from error


def pseudonym(person_id: str, key: bytes, length: int = LABEL_CHARS) -> str:
    """``P-`` and ``length`` hexadecimal characters (capitals) of HMAC-SHA256(key, person_id)."""
    return "P-" + hmac.digest(key, person_id.encode("utf-8"), "sha256").hex()[:length].upper()


def assign_labels(person_ids: Sequence[str], key: bytes) -> list[str]:
    """One label per person, in order; labels that would clash are made longer until they do not."""
    labels = [pseudonym(person_id, key, LABEL_CHARS) for person_id in person_ids]
    length = LABEL_CHARS
    while True:
        counts = Counter(labels)
        clashing = {label for label, count in counts.items() if count > 1}
        if not clashing:
            return labels
        length += 4
        labels = [
            pseudonym(person_id, key, length) if label in clashing else label
            for person_id, label in zip(person_ids, labels, strict=True)
        ]

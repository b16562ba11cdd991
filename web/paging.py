"""One page of a long list, and the numbers a pager needs."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from peewee import ModelSelect

PER_HALAMAN = 25


@dataclass(frozen=True)
class Halaman:
    items: list[Any]
    total: int
    nomor: int
    per_halaman: int

    @property
    def jumlah_halaman(self) -> int:
        return max(1, -(-self.total // self.per_halaman))

    @property
    def ada_sebelumnya(self) -> bool:
        return self.nomor > 1

    @property
    def ada_berikutnya(self) -> bool:
        return self.nomor < self.jumlah_halaman


def halaman(query: ModelSelect, nomor: int, per_halaman: int = PER_HALAMAN) -> Halaman:
    nomor = max(nomor, 1)
    total = query.count()
    return Halaman(list(query.paginate(nomor, per_halaman)), total, nomor, per_halaman)


def argumen_saring(saring: Any) -> dict[str, str]:
    """A list's filters as query arguments, leaving out those at their default, for links that
    keep the user's filters (pager, back links)."""
    return {
        f.name: getattr(saring, f.name)
        for f in fields(saring)
        if getattr(saring, f.name) != f.default
    }

"""How figures are written in the report's prose (British style, no false precision)."""

from __future__ import annotations

import calendar
import re


def count(n: int | float) -> str:
    """A whole number with thousands separators: 131200 -> '131,200'."""
    return f"{round(n):,}"


def pct(value: float, places: int = 0) -> str:
    """A percentage already on the 0-100 scale: 66.67 -> '67%'."""
    return f"{value:.{places}f}%"


def share(part: int | float, whole: int | float, places: int = 0) -> str:
    """part / whole as a percentage: share(10, 15) -> '67%'."""
    if whole == 0:
        raise ZeroDivisionError("share of an empty group")
    return pct(100 * part / whole, places)


def gbp_millions(amount: int | float, places: int = 1) -> str:
    """An amount of pounds in millions: 243810000 -> '£243.8 million'."""
    return f"£{amount / 1e6:,.{places}f} million"


def gbp(amount: int | float) -> str:
    return f"£{round(amount):,}"


def listing(items: list[str], conj: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conj} {items[-1]}"


def ordinal(n: int) -> str:
    """1 -> '1st', 2 -> '2nd', 11 -> '11th', 23 -> '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def number(value: float, places: int = 1) -> str:
    """A figure that need not be whole: 2.0 -> '2', 2.25 -> '2.3' (no false precision)."""
    if float(value).is_integer():
        return count(value)
    return f"{value:,.{places}f}"


def capital(text: str) -> str:
    """'year ending March 2023' -> 'Year ending March 2023', to open a sentence."""
    return text[:1].upper() + text[1:]


def month(value: str) -> str:
    """'2022-11' -> 'November 2022'; anything else ('2018', '2020 and 2025') as it is."""
    found = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if not found or not 1 <= int(found[2]) <= 12:
        return value
    return f"{calendar.month_name[int(found[2])]} {found[1]}"

"""Small PNG charts of the dyad panels, for Dagster metadata (base64 markdown) and `peristiwa plot`.

Matplotlib with the Agg backend (no display on the pipeline hosts); low dpi keeps each PNG well under 200 KB.
"""

from __future__ import annotations

import base64
import datetime as dt
import io

import duckdb
import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402  (the backend must be chosen first)
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

_DPI = 90


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=_DPI, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _empty(message: str) -> bytes:
    fig, ax = plt.subplots(figsize=(5, 1.2))
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center")
    return _png(fig)


def plot_net_goldstein_heatmap(
    con: duckdb.DuckDBPyConnection, top_n: int = 15, schema: str = "main", last_months: int = 24
) -> bytes:
    """Heatmap of monthly net Goldstein (sum) of the top_n undirected pairs by events, last `last_months`."""
    rows = con.execute(
        f"""
        WITH recent AS (
            SELECT * FROM {schema}.dyad_month_undirected
            WHERE month > (SELECT max(month) FROM {schema}.dyad_month_undirected) - to_months(?)),
        top AS (SELECT a_iso3, b_iso3 FROM recent GROUP BY ALL
                ORDER BY sum(n_events) DESC, a_iso3, b_iso3 LIMIT ?)
        SELECT a_iso3 || '-' || b_iso3 AS pair, month, goldstein_sum
        FROM recent JOIN top USING (a_iso3, b_iso3) ORDER BY pair, month
        """,
        [last_months, top_n],
    ).fetchall()
    if not rows:
        return _empty("no dyad events yet")
    pairs = sorted({r[0] for r in rows})
    months = sorted({r[1] for r in rows})
    grid = [[float("nan")] * len(months) for _ in pairs]
    for pair, month, value in rows:
        grid[pairs.index(pair)][months.index(month)] = value
    bound = max(abs(r[2]) for r in rows) or 1.0
    fig, ax = plt.subplots(figsize=(min(2 + 0.35 * len(months), 12), 1 + 0.3 * len(pairs)))
    im = ax.imshow(grid, cmap="RdBu", vmin=-bound, vmax=bound, aspect="auto", interpolation="nearest")
    ax.set_yticks(range(len(pairs)), pairs, fontsize=7)
    step = max(1, len(months) // 12)
    ax.set_xticks(
        range(0, len(months), step),
        [m.strftime("%Y-%m") for m in months][::step],
        fontsize=7,
        rotation=45,
        ha="right",
    )
    ax.set_title(f"Net Goldstein by month, top {len(pairs)} pairs (blank: no events)", fontsize=9)
    fig.colorbar(im, ax=ax, shrink=0.8).ax.tick_params(labelsize=7)
    return _png(fig)


def plot_pair(con: duckdb.DuckDBPyConnection, a: str, b: str, schema: str = "main") -> bytes:
    """Monthly events of both directions of a pair (cooperation up, conflict down) and the net Goldstein."""
    rows = con.execute(
        f"""
        SELECT src_iso3, month, n_verbal_cooperation + n_material_cooperation,
               n_verbal_conflict + n_material_conflict, goldstein_sum
        FROM {schema}.dyad_month
        WHERE (src_iso3 = ? AND tgt_iso3 = ?) OR (src_iso3 = ? AND tgt_iso3 = ?) ORDER BY month
        """,
        [a, b, b, a],
    ).fetchall()
    if not rows:
        return _empty(f"no counted events between {a} and {b}")
    months = sorted({r[1] for r in rows})
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(7, 4.5), sharex=True, height_ratios=(2, 1))
    width = 10.0  # days: months are drawn as dates, so two half-month-wide bars side by side
    for src, offset, colour in ((a, -width / 2, "tab:blue"), (b, width / 2, "tab:orange")):
        mine = [r for r in rows if r[0] == src]
        if not mine:
            continue
        xs = [mdates.date2num(r[1]) + offset for r in mine]
        top.bar(xs, [r[2] for r in mine], width=width, color=colour, label=f"{src}->{b if src == a else a}")
        top.bar(xs, [-r[3] for r in mine], width=width, color=colour, alpha=0.5)
    top.axhline(0, color="black", lw=0.6)
    top.set_ylabel("events\n(coop up, conflict down)", fontsize=8)
    top.legend(fontsize=7)
    net = {m: 0.0 for m in months}
    for r in rows:
        net[r[1]] += r[4]
    # Bars, not a line: a month without events is zero, not something between its neighbours.
    bottom.bar([mdates.date2num(m) for m in months], [net[m] for m in months], width=2 * width,
               color=["tab:green" if net[m] >= 0 else "tab:red" for m in months])
    bottom.axhline(0, color="grey", lw=0.6)
    bottom.set_ylabel("net Goldstein", fontsize=8)
    top.set_title(f"{a} - {b}, counted events by month", fontsize=9)
    # Month ticks over a padded range: a single month would otherwise get day ticks.
    span = (months[-1].year - months[0].year) * 12 + months[-1].month - months[0].month
    pad = dt.timedelta(days=25)
    bottom.set_xlim(months[0] - pad, months[-1] + pad)
    bottom.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, (span + 11) // 12)))
    bottom.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    fig.autofmt_xdate()
    return _png(fig)


def most_active_pair(con: duckdb.DuckDBPyConnection, schema: str = "main") -> tuple[str, str] | None:
    """The undirected pair with the most events (for the asset's default time series)."""
    rows = con.execute(
        f"SELECT a_iso3, b_iso3 FROM {schema}.dyad_month_undirected GROUP BY ALL "
        "ORDER BY sum(n_events) DESC, a_iso3, b_iso3 LIMIT 1"
    ).fetchall()
    # fetchall, not fetchone: DuckDB 2.0 keeps a partly fetched result open and blocks the connection.
    return (rows[0][0], rows[0][1]) if rows else None


def markdown_image(png: bytes, alt: str) -> str:
    """Embed PNG bytes as a markdown image (Dagster MetadataValue.md renders data URIs)."""
    return f"![{alt}](data:image/png;base64,{base64.b64encode(png).decode('ascii')})"

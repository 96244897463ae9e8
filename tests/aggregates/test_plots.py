"""The charts render to small PNGs, including on an empty warehouse."""

from __future__ import annotations

from peristiwa.aggregates.dyads import refresh_dyads
from peristiwa.aggregates.plots import markdown_image, most_active_pair, plot_net_goldstein_heatmap, plot_pair

from .helpers import add_event, warehouse

PNG = b"\x89PNG\r\n\x1a\n"


def test_plots_return_small_pngs():
    con = warehouse()
    assert plot_pair(con, "IRN", "PAK").startswith(PNG)  # empty panel: a placeholder, not an error
    assert plot_net_goldstein_heatmap(con).startswith(PNG)
    for i, (src, tgt) in enumerate([("IRN", "PAK"), ("PAK", "IRN"), ("IRN", "RUS"), ("AZE", "IRN")] * 6):
        add_event(
            con, f"e{i}", src, tgt, 1 + i % 4, (-1) ** i * 3.0, f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}"
        )
    refresh_dyads(con, schema="main")
    assert most_active_pair(con) == ("IRN", "PAK")
    for png in (plot_pair(con, "IRN", "PAK"), plot_net_goldstein_heatmap(con, top_n=15)):
        assert png.startswith(PNG) and 1_000 < len(png) < 200_000
    assert markdown_image(PNG, "x").startswith("![x](data:image/png;base64,")

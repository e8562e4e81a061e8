"""Bar charts with reportlab.graphics, in the report font, labelled in Dutch numbers."""

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from vrijwilligers_app.domain.dutch_format import format_decimal
from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.document import FRAME_WIDTH

PALETTE = (colors.HexColor("#1f5f8b"), colors.HexColor("#e07b39"), colors.HexColor("#6aa84f"),
           colors.HexColor("#8e6bb8"), colors.HexColor("#c9a227"), colors.HexColor("#4aa3a3"))
Series = tuple[str, Sequence[float]]


def _label(value: float) -> str:
    return format_decimal(value, 0) if float(value).is_integer() else format_decimal(value, 1)


def _legend(drawing: Drawing, series: Sequence[Series], x: float, y: float) -> None:
    """One row of swatches with their names, starting at x (text right of the swatch)."""
    if len(series) < 2:
        return
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = styles.FONT, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.dxTextSpace = 4
    legend.dx = legend.dy = 7
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, (name, _) in
                             enumerate(series)]
    drawing.add(legend)


def horizontal_bars(title: str, labels: Sequence[str], series: Sequence[Series],
                    label_width: float = 170, width: float = FRAME_WIDTH) -> Drawing:
    """One bar (or group of bars) per label, labels on the left; fits long organisation
    names. Height grows with the number of labels."""
    per_group = 9 + 7 * len(series)
    plot_height = max(40.0, per_group * len(labels))
    height = plot_height + 52
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, title, fontName=styles.FONT_BOLD, fontSize=9))
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 18
    chart.width, chart.height = width - label_width - 20, plot_height
    chart.data = [list(values) or [0] for _, values in series]
    chart.categoryAxis.categoryNames = [_short(label, 42) for label in labels]
    chart.categoryAxis.reverseDirection = True  # first label on top, as in the table
    chart.categoryAxis.labels.fontName = styles.FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    _value_axis(chart)
    chart.barWidth = 6
    chart.groupSpacing = 6
    _colour_bars(chart, len(series))
    chart.barLabelFormat = _label
    chart.barLabels.fontName = styles.FONT
    chart.barLabels.fontSize = 6.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    drawing.add(chart)
    _legend(drawing, series, label_width, height - 18)
    return drawing


def _value_axis(chart: HorizontalBarChart | VerticalBarChart) -> None:
    """Counts from zero, Dutch numbers, a light grid: the same on every bar chart."""
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = styles.FONT
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.labelTextFormat = _label
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = styles.GRID
    chart.valueAxis.gridStrokeWidth = 0.3


def _colour_bars(chart: HorizontalBarChart | VerticalBarChart, count: int) -> None:
    for i in range(count):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None


def vertical_bars(title: str, labels: Sequence[str], series: Sequence[Series],
                  height: float = 170, width: float = FRAME_WIDTH) -> Drawing:
    """Grouped columns, e.g. per quarter; a legend when there is more than one series."""
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, title, fontName=styles.FONT_BOLD, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y = 34, 22
    chart.width = width - 50
    chart.height = height - 56
    chart.data = [list(values) or [0] for _, values in series]
    chart.categoryAxis.categoryNames = [_short(label, 18) for label in labels]
    chart.categoryAxis.labels.fontName = styles.FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.angle = 30 if len(labels) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(labels) > 6 else "n"
    _value_axis(chart)
    chart.groupSpacing = 8
    _colour_bars(chart, len(series))
    drawing.add(chart)
    _legend(drawing, series, 34, height - 22)
    return drawing


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"

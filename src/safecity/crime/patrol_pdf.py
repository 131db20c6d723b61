"""The patrol plan as a printable page (reportlab, as for the e-challan): the shift, how the forecast was
made, and one row per unit — where to patrol, how long getting there takes, the risk it covers."""

from __future__ import annotations

import io
from datetime import datetime
from datetime import timedelta
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle

from safecity.crime.shift_plan import ShiftPlan

HEADER = ["#", "Unit", "Patrol cell (lat, lon)", "Travel (min)", "Expected events", "Covered"]


def render_patrol_pdf(plan: ShiftPlan, generated_at: datetime) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    end = plan.start + timedelta(hours=plan.hours)
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=f"Patrol plan {plan.start:%Y-%m-%d %H:%M}",
        author="safecity",
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        pageCompression=0,  # a one-page table: readable text beats a few kB
    )
    what = escape(plan.kind) if plan.kind else "all crime types"
    story: list[object] = [
        Paragraph("Patrol plan", styles["Title"]),
        Paragraph(
            f"Shift {plan.start:%Y-%m-%d %H:%M} – {end:%Y-%m-%d %H:%M} UTC ({plan.hours:g} h) · {what}",
            styles["Heading3"],
        ),
        Paragraph(
            f"Forecast: {escape(plan.model)} model on {plan.cell_m:g} m cells from {plan.events_used} events "
            f"before the shift; {plan.expected_total:.2f} events expected in the whole area. "
            f"{len(plan.patrols)} of {plan.units_considered} available police units planned; "
            f"risk covered per unit-hour {plan.risk_per_unit_hour:.4f}, "
            f"{plan.covered_share:.1%} of the expected events.",
            styles["Normal"],
        ),
        Spacer(1, 5 * mm),
    ]
    if plan.patrols:
        story.append(_table(plan))
    else:
        story.append(
            Paragraph(
                "No patrols planned: no available police unit with a known position, "
                "or no events to forecast from.",
                styles["Normal"],
            )
        )
    story += [
        Spacer(1, 5 * mm),
        Paragraph(
            "Each unit patrols one cell; the risk it covers is the cell's expected events during the shift "
            "times the share of the shift left after travelling there. The plan maximises the total "
            f"(an exact assignment). Generated {generated_at:%Y-%m-%d %H:%M} UTC by safecity.",
            styles["Italic"],
        ),
    ]
    document.build(story)
    return buffer.getvalue()


def _table(plan: ShiftPlan) -> Table:
    rows: list[list[str]] = [HEADER]
    for number, patrol in enumerate(plan.patrols, start=1):
        rows.append(
            [
                str(number),
                f"{patrol.callsign} ({patrol.unit_id})",
                f"{patrol.latitude:.5f}, {patrol.longitude:.5f}",
                f"{patrol.travel_s / 60:.0f}",
                f"{patrol.risk:.3f}",
                f"{patrol.covered_risk:.3f}",
            ]
        )
    table = Table(rows, colWidths=[8 * mm, 45 * mm, 45 * mm, 22 * mm, 30 * mm, 25 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    return table

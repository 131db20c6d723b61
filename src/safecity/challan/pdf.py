"""The ticket as a PDF: facts, fine, due date, evidence images with their hashes, and a QR code that opens
the public verification page (reportlab for the page, qrcode for the code)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

import qrcode
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Image
from reportlab.platypus import Paragraph
from reportlab.platypus import SimpleDocTemplate
from reportlab.platypus import Spacer
from reportlab.platypus import Table
from reportlab.platypus import TableStyle
from sqlalchemy.orm import Session

from safecity.challan.evidence import PDF_ORDER
from safecity.challan.evidence import evidence_of
from safecity.challan.fines import format_minor
from safecity.challan.models import Ticket
from safecity.challan.models import Violation
from safecity.challan.models import ViolationEvidence
from safecity.challan.schemas import verify_path
from safecity.challan.tickets import get_ticket
from safecity.challan.validation import get_violation
from safecity.core.media import MediaError
from safecity.core.media import MediaStore

MAX_IMAGES = 4
IMAGE_WIDTH = 80 * mm


def verify_url(base_url: str, number: str) -> str:
    return base_url.rstrip("/") + verify_path(number)


def qr_png(text: str) -> bytes:
    image = qrcode.make(text, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def stored_ticket_pdf(session: Session, number: str, media: MediaStore | None, base_url: str) -> bytes:
    """The PDF of ticket `number` with its violation's evidence (NotFoundError when there is none)."""
    ticket = get_ticket(session, number)
    violation = get_violation(session, ticket.violation_id)
    return render_ticket_pdf(ticket, violation, evidence_of(session, violation.id), media, base_url)


def render_ticket_pdf(
    ticket: Ticket,
    violation: Violation,
    evidence: Sequence[ViolationEvidence],
    media: MediaStore | None,
    base_url: str,
) -> bytes:
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=f"e-challan {ticket.number}", author="safecity", leftMargin=15 * mm
    )
    url = verify_url(base_url, ticket.number)
    story: list[object] = [
        Paragraph(f"E-CHALLAN {escape(ticket.number)}", styles["Title"]),
        _facts(ticket, violation),
        Spacer(1, 5 * mm),
        Table(
            [
                [
                    Image(io.BytesIO(qr_png(url)), 35 * mm, 35 * mm),
                    Paragraph(f"Verify this ticket: {escape(url)}", styles["Normal"]),
                ]
            ],
            colWidths=[40 * mm, 130 * mm],
        ),
        Spacer(1, 5 * mm),
        Paragraph("Evidence", styles["Heading2"]),
    ]
    story.extend(_evidence(evidence, media, styles["Normal"]))
    document.build(story)
    return buffer.getvalue()


def _facts(ticket: Ticket, violation: Violation) -> Table:
    rows = [
        ["Violation", ticket.violation_type.replace("_", " ")],
        ["Date and time (UTC)", f"{ticket.occurred_at:%Y-%m-%d %H:%M:%S}"],
        ["Camera / place", _place(violation)],
        ["Vehicle", f"{ticket.plate_text} ({ticket.vehicle_class})"],
        ["Owner", ticket.owner_name],
        ["Fine", f"{ticket.currency} {format_minor(ticket.fine_minor)}"],
        ["Issued", f"{ticket.issued_at:%Y-%m-%d}"],
        ["Due", f"{ticket.due_at:%Y-%m-%d}"],
        ["Status", ticket.status],
    ]
    if violation.measured_kmh is not None:
        rows.append(["Speed", f"{violation.measured_kmh:.1f} km/h (limit {violation.limit_kmh or '-'} km/h)"])
    if violation.signal_phase:
        rows.append(["Signal", violation.signal_phase])
    table = Table(rows, colWidths=[45 * mm, 125 * mm])
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
                ("FONTNAME", (0, 0), (0, -1), "Helvetica-Bold"),
            ]
        )
    )
    return table


def _place(violation: Violation) -> str:
    if violation.latitude is None or violation.longitude is None:
        return violation.camera_id
    return f"{violation.camera_id} ({violation.latitude:.5f}, {violation.longitude:.5f})"


def _evidence(evidence: Sequence[ViolationEvidence], media: MediaStore | None, style: object) -> list[object]:
    order = {kind.value: index for index, kind in enumerate(PDF_ORDER)}
    items = sorted(evidence, key=lambda item: order.get(item.kind, len(order)))
    story: list[object] = []
    shown = 0
    for item in items:
        caption = f"{item.kind.replace('_', ' ')}: sha256 {item.sha256}"
        image = _image(media, item.sha256) if shown < MAX_IMAGES and item.kind in order else None
        if image is not None:
            story.append(image)
            shown += 1
        story.append(Paragraph(escape(caption), style))
    return story


def _image(media: MediaStore | None, sha256: str) -> Image | None:
    if media is None:
        return None
    try:
        path = media.path(sha256)
    except MediaError:
        return None
    if path.suffix.lower() not in (".jpg", ".jpeg", ".png"):
        return None
    image = Image(str(path))
    ratio = image.imageHeight / image.imageWidth if image.imageWidth else 1.0
    image.drawWidth = IMAGE_WIDTH
    image.drawHeight = IMAGE_WIDTH * ratio
    return image

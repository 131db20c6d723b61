"""The Open311 service list: what a citizen can report, and how each kind is handled inside.

`public` services are listed in the public `requests.json` once a moderator accepted them; harassment and
similar reports are never public (only the reporter, with their token, and the control room see them).
"""

from __future__ import annotations

from dataclasses import dataclass

from safecity.alerts.states import Severity


@dataclass(frozen=True, slots=True)
class ReportService:
    code: str
    name: str
    description: str
    group: str
    incident_type: str
    severity: Severity
    public: bool = True
    keywords: str = ""


SERVICES: tuple[ReportService, ...] = (
    ReportService(
        "suspicious_activity",
        "Suspicious activity",
        "A person, vehicle or object that looks wrong.",
        "Safety",
        "suspicious_activity",
        Severity.MEDIUM,
        public=False,
        keywords="suspicious,unattended",
    ),
    ReportService(
        "harassment",
        "Harassment of women",
        "Harassment in a public place or on transport.",
        "Safety",
        "harassment",
        Severity.HIGH,
        public=False,
        keywords="harassment,women,eve-teasing",
    ),
    ReportService(
        "street_crime",
        "Street crime / snatching",
        "A snatching, theft or robbery that has happened.",
        "Safety",
        "street_crime",
        Severity.HIGH,
        public=False,
        keywords="snatching,theft,robbery",
    ),
    ReportService(
        "missing_person",
        "Missing person",
        "Someone, often a child, who is missing.",
        "Safety",
        "missing_person",
        Severity.HIGH,
        public=False,
    ),
    ReportService(
        "lost_and_found",
        "Lost and found",
        "Something lost or found in a public place.",
        "Services",
        "other",
        Severity.LOW,
    ),
    ReportService(
        "broken_camera",
        "Broken or damaged camera",
        "A safe-city camera that is damaged or covered.",
        "Infrastructure",
        "camera_fault",
        Severity.LOW,
        keywords="camera,cctv",
    ),
    ReportService(
        "traffic",
        "Traffic problem",
        "A jam, a broken signal or a dangerous junction.",
        "Traffic",
        "traffic_jam",
        Severity.LOW,
        keywords="jam,signal",
    ),
    ReportService(
        "public_order",
        "Public order",
        "A gathering, blockade or disturbance.",
        "Safety",
        "public_order",
        Severity.MEDIUM,
    ),
)

BY_CODE = {service.code: service for service in SERVICES}

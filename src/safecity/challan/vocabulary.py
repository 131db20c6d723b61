"""The words of e-challan: violation types, queues, statuses, rejection reasons and ticket states."""

from __future__ import annotations

from enum import StrEnum


class ViolationType(StrEnum):
    RED_LIGHT = "red_light"
    SPEEDING = "speeding"  # point speed from a calibrated camera
    SECTION_SPEED = "section_speed"  # average speed between two ANPR cameras
    WRONG_WAY = "wrong_way"
    LANE = "lane_violation"
    NO_HELMET = "no_helmet"
    NO_SEAT_BELT = "no_seat_belt"


# Pipeline rule topics that are violations (the rest of `rule.*` is not e-challan business).
RULE_TOPICS: dict[str, ViolationType] = {
    "rule.red_light": ViolationType.RED_LIGHT,
    "rule.speeding": ViolationType.SPEEDING,
    "rule.wrong_way": ViolationType.WRONG_WAY,
    "rule.lane_violation": ViolationType.LANE,
}


class Queue(StrEnum):
    VALIDATION = "validation"  # waiting for a traffic officer to accept or reject
    REGISTRY = "registry"  # plate unknown to the registry or vehicle type mismatch (fake plates)


class ViolationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DUPLICATE = "duplicate"  # the same violation detected again within the window


class ClipStatus(StrEnum):
    PENDING = "pending"  # waiting for the recording of the violation's window (retried in the background)
    ATTACHED = "attached"  # in the evidence; `clip_reason` notes a clip covering part of the window
    UNAVAILABLE = "unavailable"  # no recording of the window; `clip_reason` says why


class RegistryStatus(StrEnum):
    NO_PLATE = "no_plate"
    OK = "ok"
    UNKNOWN_PLATE = "unknown_plate"
    VEHICLE_MISMATCH = "vehicle_mismatch"
    REGISTRY_UNAVAILABLE = (
        "registry_unavailable"  # the vehicle registry could not answer: checked again later
    )


class RejectReason(StrEnum):
    MISREAD_PLATE = "misread_plate"
    EMERGENCY_VEHICLE = "emergency_vehicle"
    SIGNAL_FAULT = "signal_fault"
    NO_VIOLATION = "no_violation"
    POOR_EVIDENCE = "poor_evidence"
    FAKE_PLATE = "fake_plate"
    VEHICLE_MISMATCH = "vehicle_mismatch"
    CALIBRATION_FAULT = "calibration_fault"
    OTHER = "other"


class TicketStatus(StrEnum):
    ISSUED = "issued"
    DELIVERED = "delivered"
    PAID = "paid"
    OVERDUE = "overdue"
    CONTESTED = "contested"
    CANCELLED = "cancelled"


UNPAID = (TicketStatus.ISSUED, TicketStatus.DELIVERED, TicketStatus.OVERDUE, TicketStatus.CONTESTED)

# Allowed ticket transitions. `paid` only through a payment, `overdue` only through the due-date sweep.
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.ISSUED: frozenset(
        {
            TicketStatus.DELIVERED,
            TicketStatus.PAID,
            TicketStatus.OVERDUE,
            TicketStatus.CONTESTED,
            TicketStatus.CANCELLED,
        }
    ),
    TicketStatus.DELIVERED: frozenset(
        {TicketStatus.PAID, TicketStatus.OVERDUE, TicketStatus.CONTESTED, TicketStatus.CANCELLED}
    ),
    TicketStatus.OVERDUE: frozenset({TicketStatus.PAID, TicketStatus.CONTESTED, TicketStatus.CANCELLED}),
    # A contest ends either in cancellation or the ticket stands again (delivered, or overdue by the sweep).
    TicketStatus.CONTESTED: frozenset({TicketStatus.DELIVERED, TicketStatus.CANCELLED}),
    TicketStatus.PAID: frozenset(),
    TicketStatus.CANCELLED: frozenset(),
}

"""Whether what a camera saw fits the vehicle the registry knows.

The vehicle registry itself (interface, HTTP and local adapters, cache, breaker) is `safecity.registries`;
e-challan asks it for a plate's owner. `vehicle_matches` says whether what the camera saw (car, motorcycle
...) fits the registered class, so fake or swapped plates show up.
"""

from __future__ import annotations

# Which registered classes each detector class may be (a camera sees a "car", the registry says "jeep").
DETECTED_AS: dict[str, frozenset[str]] = {
    "car": frozenset({"car", "jeep", "suv", "van", "taxi"}),
    "motorcycle": frozenset({"motorcycle", "scooter", "rickshaw"}),
    "bus": frozenset({"bus", "minibus", "coaster", "van"}),
    "truck": frozenset({"truck", "pickup", "van", "trailer", "tanker"}),
}


def vehicle_matches(detected_class: str | None, registered_class: str) -> bool:
    """False only when the camera clearly saw another kind of vehicle than the one registered."""
    if not detected_class or detected_class not in DETECTED_AS:
        return True
    return (
        registered_class.lower() in DETECTED_AS[detected_class] or registered_class.lower() == detected_class
    )

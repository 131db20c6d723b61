"""safecity: a safe-city platform for turning CCTV cameras into action."""

__version__ = "0.1.0"

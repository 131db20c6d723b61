"""Command and control: incidents, units and dispatch (CAD), helpline calls, panic alerts, metrics."""

"""Dashboards: counts per time bucket and uptime per camera over a window, for the console's charts."""

"""Alerts: anything an operator must look at, from any source, deduplicated, escalated and pushed live.

`sources` maps bus events to alerts (a declarative table), `service` holds the state machine and the
dedup/cooldown logic, `consumer` is the durable bus consumer, `escalation` the unacknowledged-alert timer,
`webhook` the optional outbound notification and `api` the operator's REST routes.
"""

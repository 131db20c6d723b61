"""National-database adapters: identity (NADRA), vehicle registration (Excise & Taxation) and the police FIR
system, each one interface (`interfaces.py`) with an HTTP/JSON adapter, a file adapter, a cache that survives
restarts, rate limits and a circuit breaker (`guarded.py`). The contract a province's service implements, and
every setting: docs/integrations.md."""

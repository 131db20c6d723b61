"""Evidence and governance: the vault (cases, items, chain of custody), signed export bundles, redaction,
retention with legal holds, and backup/restore. See docs/evidence.md.

Entry points: `vault` (cases and items), `custody` (per-item hash chains), `integrity.verify_vault`,
`bundle.export_bundle` / `bundle.verify_bundle`, `redaction`, `holds` (legal holds, `HoldChecker.is_held`
for video retention), `retention` (the pluggable sweeper), `backup` (backup and restore), `api` (routers).
"""

"""Persons of interest: one record per person tying status, legal basis, identity, photos, vehicles, FIRs,
incidents and cases together; its photos feed the face watchlist and its vehicles a hotlist
(docs/persons.md)."""

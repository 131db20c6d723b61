"""ANPR storage and search: every plate read stored, searched by exact, partial, wildcard or fuzzy plate,
and trajectories ("where has this vehicle been"). The reader itself lives in `safecity.vision.plates`."""

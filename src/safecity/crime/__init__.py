"""Crime analytics: point events in space and time, hotspot forecasts (retrospective KDE, a self-exciting
point process and their blend) and rolling-origin backtests measured the way the literature measures them
(PAI, PEI, hit rate). The models are pure numpy/scipy; `records`, `sources` and `store` are the database side
(imported records, and the incidents, calls and accepted citizen reports read where they live)."""

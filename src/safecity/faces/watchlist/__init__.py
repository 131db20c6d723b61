"""Face watchlists: subjects with example photos, their vectors, 1:N search and two-person confirmation."""

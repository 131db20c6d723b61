"""HTTP plumbing shared by every router: services, security, errors, limits, metrics, live feed."""

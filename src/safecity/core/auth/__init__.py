"""Users, roles, permissions, passwords and access tokens."""

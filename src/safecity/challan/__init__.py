"""e-challan: camera violations, officer validation, vehicle registry, tickets, fines, payments, lookup."""

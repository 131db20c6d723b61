"""The cluster: which worker runs which camera (leases with fencing epochs), worker health, failover."""

// Query: ping
// Purpose: health check; proves the database answers a query.
// Params: none.
// Returns: one row: ok (integer 1).
// Plan (PROFILE, 5.26): Projection → ProduceResults
RETURN 1 AS ok

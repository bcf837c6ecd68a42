// Query: ping
// Purpose: health check; proves the database answers a query.
// Params: none.
// Returns: one row: ok (integer 1).
RETURN 1 AS ok

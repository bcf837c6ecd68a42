// Query: adminClear
// Purpose: delete every node and relationship (tests and `npm run db:seed -- --reset` only; never the app).
// Params: none.
// Returns: nothing.
MATCH (n)
DETACH DELETE n

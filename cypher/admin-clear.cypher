// Query: adminClear
// Purpose: delete every node and relationship (tests and `npm run db:seed -- --reset` only; never the app).
// Params: none.
// Returns: nothing.
// Plan (PROFILE, 5.26): AllNodesScan → DetachDelete → EmptyResult → ProduceResults
MATCH (n)
DETACH DELETE n

// Query: adminClearNodes
// Purpose: delete up to $batch nodes with any relationships left on them (after
//   adminClearRelationships; tests and `npm run db:seed -- --reset` only; never the app).
// Params: batch (integer).
// Returns: one row: deleted (integer).
// Plan (PROFILE, 5.26): AllNodesScan → Limit → DetachDelete → EagerAggregation → ProduceResults
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted

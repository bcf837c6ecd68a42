// Query: adminClearRelationships
// Purpose: delete up to $batch relationships (tests and `npm run db:seed -- --reset` only; never the app).
//   Run until it deletes fewer than $batch: one transaction per batch, so clearing a database of
//   millions of relationships stays within the transaction memory limit.
// Params: batch (integer).
// Returns: one row: deleted (integer).
// Plan (PROFILE, 5.26): DirectedAllRelationshipsScan → Limit → Delete → EagerAggregation → ProduceResults
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted

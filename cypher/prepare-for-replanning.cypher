// Query: prepareForReplanning
// Purpose: after a bulk load, have the planner see the new statistics: resample the indexes, wait
//   for the samples (at most $timeoutSeconds), then clear the query caches. Without it, a query
//   first planned while the database was empty or small can keep a plan fit only for that size
//   (for example scanning every actor inside a path expansion, which looked free when the id index
//   was empty) until Neo4j notices the statistics diverged.
// Params: $timeoutSeconds (integer: how long to wait for the index samples).
// Returns: no rows.
// Plan (PROFILE, 5.26): ProcedureCall → EmptyResult
CALL db.prepareForReplanning($timeoutSeconds)

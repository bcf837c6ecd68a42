// Query: importMarkerClear
// Purpose: remove the marker once a batched import has written everything (see import-marker-set.cypher).
// Params: none.
// Returns: one row: deleted (integer).
// Plan (PROFILE, 5.26): NodeByLabelScan → Delete → EagerAggregation → ProduceResults
MATCH (m:ImportInProgress)
DELETE m
RETURN count(*) AS deleted

// Query: importMarkerGet
// Purpose: the marker of a batched import into an empty database that has not finished, if any.
// Params: none.
// Returns: zero or one row: startedAt (string), records (integer).
// Plan (PROFILE, 5.26): NodeByLabelScan → Projection → Limit → ProduceResults
MATCH (m:ImportInProgress)
RETURN m.startedAt AS startedAt, m.records AS records
LIMIT 1

// Query: importMarkerSet
// Purpose: mark that an import into an empty database is being written in several transactions
//   (too large for one): if the importer dies midway, the next bulk load finds the marker and
//   starts again from an empty database instead of building on a partial import.
// Params: startedAt (string, ISO time), records (integer).
// Returns: one row: written (integer 1).
// Plan (PROFILE, 5.26): NodeByLabelScan → Merge → SetProperty → SetProperty → EagerAggregation → ProduceResults
MERGE (m:ImportInProgress)
SET m.startedAt = $startedAt, m.records = $records
RETURN count(m) AS written

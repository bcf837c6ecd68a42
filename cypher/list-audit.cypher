// Query: listAudit
// Purpose: the audit log, newest first (instant, then id), filtered by record, token name,
//   operation and time, with the total count; also a record's history (recordId set).
// Params: $recordId, $by, $operation, $since, $until (each null = any; since/until are ISO
//   instants, inclusive), $offset, $limit.
// Returns: one row: totalCount (integer), items (list of entryJson strings).
// Plan (PROFILE, 5.26): NodeByLabelScan → Filter → Projection → Sort → EagerAggregation →
//   Projection → ProduceResults (the log is read whole; it grows by one node per edit)
MATCH (e:AuditEntry)
WHERE ($recordId IS NULL OR $recordId IN e.recordIds)
  AND ($by IS NULL OR e.by = $by)
  AND ($operation IS NULL OR e.operation = $operation)
  AND ($since IS NULL OR e.at >= $since)
  AND ($until IS NULL OR e.at <= $until)
WITH e
ORDER BY e.at DESC, e.id DESC
WITH collect(e.entryJson) AS entries
RETURN size(entries) AS totalCount, entries[$offset..($offset + $limit)] AS items

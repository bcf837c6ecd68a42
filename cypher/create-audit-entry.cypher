// Query: createAuditEntry
// Purpose: add one entry to the audit log (in the transaction of the change it records).
// Params: $props (map: id, at, by, operation, recordIds, entryJson).
// Returns: one row: id (the entry's id).
// Plan (PROFILE, 5.26): Create → SetNodePropertiesFromMap → Projection → ProduceResults
CREATE (e:AuditEntry)
SET e = $props
RETURN e.id AS id

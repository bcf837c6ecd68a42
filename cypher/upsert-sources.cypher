// Query: upsertSources
// Purpose: create or replace sources by id (all properties replaced).
// Params: $rows (list of {id, props}).
// Returns: one row: written (integer, the number of rows written).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek(Locking) → Merge) → Eager →
//   SetNodePropertiesFromMap → EagerAggregation → ProduceResults
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s = row.props
RETURN count(s) AS written

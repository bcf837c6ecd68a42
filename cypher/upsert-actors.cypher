// Query: upsertActors
// Purpose: create or replace actors by id (all properties replaced; relationships kept).
// Params: $rows (list of {id, props}).
// Returns: one row: written (integer, the number of rows written).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek(Locking) → Merge) → Eager →
//   SetNodePropertiesFromMap → EagerAggregation → ProduceResults
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a = row.props
RETURN count(a) AS written

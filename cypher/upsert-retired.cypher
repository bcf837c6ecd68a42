// Query: upsertRetired
// Purpose: keep retired records (an actor or relationship taken out of the network by an edit)
//   with their data and who retired them, when and why.
// Params: $rows (list of {id, props}; id is the key "section/id").
// Returns: one row: written (integer, the number of rows written).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek(Locking) → Merge) → Eager →
//   SetNodePropertiesFromMap → EagerAggregation → ProduceResults
UNWIND $rows AS row
MERGE (r:Retired {id: row.id})
SET r = row.props
RETURN count(r) AS written

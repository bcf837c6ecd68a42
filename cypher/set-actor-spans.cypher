// Query: setActorSpans
// Purpose: store actors' derived lifespans (computed by server/domain/derive.ts in the adapter).
// Params: $rows (list of {id, props: {spanJson, spanFromDay, spanToDay}}).
// Returns: one row: written (integer).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek(Locking)) → Eager →
//   SetNodePropertiesFromMap → EagerAggregation → ProduceResults
UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a += row.props
RETURN count(a) AS written

// Query: setRelationshipDerived
// Purpose: store relationships' derived fields (validity, grade, corroboration, citations; computed
//   by server/domain/derive.ts in the adapter). Each is found from its source actor by index seek.
// Params: $rows (list of {id, source, target, props}).
// Returns: one row: written (integer).
// Plan (PROFILE, 5.26): Apply(Unwind | CartesianProduct(NodeUniqueIndexSeek(Locking) |
//   NodeUniqueIndexSeek(Locking))) → Expand(Into) → Filter → Eager →
//   SetRelationshipPropertiesFromMap → EagerAggregation → ProduceResults
UNWIND $rows AS row
MATCH (:Actor {id: row.source})-[r]->(:Actor {id: row.target})
WHERE r.id = row.id
SET r += row.props
RETURN count(r) AS written

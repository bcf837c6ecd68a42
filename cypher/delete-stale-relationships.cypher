// Query: deleteStaleRelationships
// Purpose: before relationships are re-written, delete the stored ones whose type or endpoints
//   change (MERGE on the new type and endpoints would otherwise duplicate the id). Each is found
//   from its stored endpoints by index seek.
// Params: $rows (list of {id, source, target}: the stored relationship's id and endpoints).
// Returns: one row: deleted (integer).
// Plan (PROFILE, 5.26): Apply(Unwind | CartesianProduct(NodeUniqueIndexSeek(Locking) |
//   NodeUniqueIndexSeek(Locking))) → Expand(Into) → Filter → Eager → Delete → EagerAggregation →
//   ProduceResults
UNWIND $rows AS row
MATCH (:Actor {id: row.source})-[r]->(:Actor {id: row.target})
WHERE r.id = row.id
DELETE r
RETURN count(*) AS deleted

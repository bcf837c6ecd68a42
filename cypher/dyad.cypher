// Query: dyad
// Purpose: every relationship between two actors, either direction.
// Params: $a, $b (actor ids), $types (the vocabulary's Neo4j relationship types).
// Returns: one row per relationship: relationship (map with type, source, target). Sorted by the adapter.
// Plan (PROFILE, 5.26): CartesianProduct(NodeUniqueIndexSeek | NodeUniqueIndexSeek) → Expand(Into)
//   → Filter → Projection → ProduceResults
MATCH (x:Actor {id: $a})-[r]-(y:Actor {id: $b})
WHERE type(r) IN $types
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship

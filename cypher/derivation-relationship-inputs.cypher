// Query: derivationRelationshipInputs
// Purpose: what the derived fields of the relationships touching the given actors depend on: their
//   records and both actors' stored lifespans.
// Params: $ids (list of actor ids).
// Returns: one row per relationship (each once): relationship (map with type, source, target),
//   sourceSpan / targetSpan (JSON of the actors' lifespans).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek) → Expand(All) → Filter → Distinct →
//   Projection → ProduceResults
UNWIND $ids AS actorId
MATCH (:Actor {id: actorId})-[r]-(:Actor)
WITH DISTINCT r
RETURN r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id} AS relationship,
  startNode(r).spanJson AS sourceSpan, endNode(r).spanJson AS targetSpan

// Query: listEvents
// Purpose: events involving (or taking place at) an actor and overlapping a window.
//   An event covers its date point through its endDate (or through the same date point).
// Params: $actorId (actor id or null = any), $windowStart / $windowEnd (day numbers or null = open).
// Returns: one row per event: event (Event property map plus actors and places as
//   lists of {id, position}). Sorted by the adapter.
// Plan (PROFILE, 5.26): RollUpApply(RollUpApply(SelectOrSemiApply(NodeByLabelScan → Filter |
//   NodeUniqueIndexSeek → Expand(Into)) | Argument → Expand(All) → Filter → Projection) | Argument →
//   Expand(All) → Filter → Projection) → Projection → ProduceResults
MATCH (e:Event)
WHERE ($actorId IS NULL OR EXISTS { (e)-[:INVOLVES|AT]->(:Actor {id: $actorId}) })
  AND ($windowEnd IS NULL OR e.fromDay <= $windowEnd)
  AND ($windowStart IS NULL OR e.toDay >= $windowStart)
RETURN e {.*,
  actors: [(e)-[i:INVOLVES]->(a:Actor) | {id: a.id, position: i.position}],
  places: [(e)-[i:AT]->(p:Actor) | {id: p.id, position: i.position}]
} AS event

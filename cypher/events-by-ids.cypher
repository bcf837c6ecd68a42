// Query: eventsByIds
// Purpose: fetch stored events by id (upsert change detection).
// Params: $ids (list of event ids).
// Returns: one row per stored event: event (Event property map plus actors and places as lists of {id, position}).
// Plan (PROFILE, 5.26): RollUpApply(RollUpApply(NodeUniqueIndexSeek | Argument → Expand(All) →
//   Filter → Projection) | Argument → Expand(All) → Filter → Projection) → Projection →
//   ProduceResults
MATCH (e:Event)
WHERE e.id IN $ids
RETURN e {.*,
  actors: [(e)-[i:INVOLVES]->(a:Actor) | {id: a.id, position: i.position}],
  places: [(e)-[i:AT]->(p:Actor) | {id: p.id, position: i.position}]
} AS event

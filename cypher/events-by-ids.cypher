// Query: eventsByIds
// Purpose: fetch stored events by id (upsert change detection).
// Params: $ids (list of event ids).
// Returns: one row per stored event: event (Event property map plus actors and places as lists of {id, position}).
MATCH (e:Event)
WHERE e.id IN $ids
RETURN e {.*,
  actors: [(e)-[i:INVOLVES]->(a:Actor) | {id: a.id, position: i.position}],
  places: [(e)-[i:AT]->(p:Actor) | {id: p.id, position: i.position}]
} AS event

// Query: upsertEvents
// Purpose: create or replace events by id, re-linking them to their actors (INVOLVES) and places (AT)
//   with the position of each id in its list.
// Params: $rows (list of {id, props, actors, places}; actors and places are lists of actor ids).
// Returns: one row: written (integer).
// Plan (PROFILE, 5.26): SubqueryForeach(SubqueryForeach(SubqueryForeach(Apply(Unwind |
//   NodeUniqueIndexSeek(Locking) → Merge) → Eager → SetNodePropertiesFromMap | Argument →
//   Expand(All) → Filter → Eager → Delete) → Eager | Apply(Argument → Unwind |
//   NodeUniqueIndexSeek(Locking)) → Create) | Apply(Argument → Unwind |
//   NodeUniqueIndexSeek(Locking)) → Create) → EagerAggregation → ProduceResults
UNWIND $rows AS row
MERGE (e:Event {id: row.id})
SET e = row.props
WITH e, row
CALL (e) {
  MATCH (e)-[old:INVOLVES|AT]->(:Actor)
  DELETE old
}
CALL (e, row) {
  UNWIND range(0, size(row.actors) - 1) AS position
  MATCH (a:Actor {id: row.actors[position]})
  CREATE (e)-[:INVOLVES {position: position}]->(a)
}
CALL (e, row) {
  UNWIND range(0, size(row.places) - 1) AS position
  MATCH (p:Actor {id: row.places[position]})
  CREATE (e)-[:AT {position: position}]->(p)
}
RETURN count(e) AS written

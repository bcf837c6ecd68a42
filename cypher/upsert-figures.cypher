// Query: upsertFigures
// Purpose: create or replace figures by id, re-linking them to the actors they are about (ABOUT)
//   with the position of each id in its list.
// Params: $rows (list of {id, props, actors}; actors is a list of actor ids).
// Returns: one row: written (integer).
// Plan (PROFILE, 5.26): SubqueryForeach(SubqueryForeach(Apply(Unwind |
//   NodeUniqueIndexSeek(Locking) → Merge) → Eager → SetNodePropertiesFromMap | Argument →
//   Expand(All) → Filter → Eager → Delete) → Eager | Apply(Argument → Unwind |
//   NodeUniqueIndexSeek(Locking)) → Create) → EagerAggregation → ProduceResults
UNWIND $rows AS row
MERGE (f:Figure {id: row.id})
SET f = row.props
WITH f, row
CALL (f) {
  MATCH (f)-[old:ABOUT]->(:Actor)
  DELETE old
}
CALL (f, row) {
  UNWIND range(0, size(row.actors) - 1) AS position
  MATCH (a:Actor {id: row.actors[position]})
  CREATE (f)-[:ABOUT {position: position}]->(a)
}
RETURN count(f) AS written

// Query: upsertCapacity
// Purpose: create or replace state-capacity ratings by id, re-linking each to the region it rates.
// Params: $rows (list of {id, props, region}; region is an actor id).
// Returns: one row: written (integer).
// Plan (PROFILE, 5.26): SubqueryForeach(SubqueryForeach(Apply(Unwind |
//   NodeUniqueIndexSeek(Locking) → Merge) → Eager → SetNodePropertiesFromMap | Argument →
//   Expand(All) → Filter → Eager → Delete) → Eager | NodeUniqueIndexSeek(Locking) → Create) →
//   EagerAggregation → ProduceResults
UNWIND $rows AS row
MERGE (c:CapacityAssessment {id: row.id})
SET c = row.props
WITH c, row
CALL (c) {
  MATCH (c)-[old:RATES]->(:Actor)
  DELETE old
}
CALL (c, row) {
  MATCH (region:Actor {id: row.region})
  CREATE (c)-[:RATES]->(region)
}
RETURN count(c) AS written

// Query: upsertRelationships
// Purpose: create or replace relationships by id. The relationship type comes from the row but
//   only ever from the vocabulary (mapped in server/store/neo4j/mapping.ts), never from free input.
//   Needs Neo4j 5.26+ (dynamic relationship types in MERGE).
// Params: $rows (list of {id, type, source, target, props}).
// Returns: one row: written (integer; less than the rows given when an endpoint is missing).
// Plan (PROFILE, 5.26): Apply(Apply(Unwind | CartesianProduct(NodeUniqueIndexSeek(Locking) |
//   NodeUniqueIndexSeek(Locking))) | Argument → Expand(Into) → Filter → LockingMerge) → Eager →
//   SetRelationshipPropertiesFromMap → EagerAggregation → ProduceResults
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
MERGE (s)-[r:$(row.type) {id: row.id}]->(t)
SET r = row.props
RETURN count(r) AS written

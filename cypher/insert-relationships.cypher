// Query: insertRelationships
// Purpose: create relationships in a database that holds none (bulk load into an empty store; the
//   import has already refused duplicate ids). MERGE would plan its match with the statistics of
//   the empty database — a scan of all relationships per row — and slow down quadratically.
//   The relationship type comes from the row but only ever from the vocabulary (mapped in
//   server/store/neo4j/mapping.ts). Needs Neo4j 5.26+ (dynamic relationship types in CREATE).
// Params: $rows (list of {id, type, source, target, props}; props hold the id).
// Returns: one row: written (integer; less than the rows given when an endpoint is missing).
// Plan (PROFILE, 5.26): Apply(Unwind | CartesianProduct(NodeUniqueIndexSeek(Locking) |
//   NodeUniqueIndexSeek(Locking))) → Create → Eager → SetRelationshipPropertiesFromMap →
//   EagerAggregation → ProduceResults
UNWIND $rows AS row
MATCH (s:Actor {id: row.source})
MATCH (t:Actor {id: row.target})
CREATE (s)-[r:$(row.type)]->(t)
SET r = row.props
RETURN count(r) AS written

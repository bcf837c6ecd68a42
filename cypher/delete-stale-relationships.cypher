// Query: deleteStaleRelationships
// Purpose: before relationships are re-written, delete stored ones with the same id whose type or
//   endpoints changed (MERGE on the new type and endpoints would otherwise duplicate the id).
// Params: $rows (list of {id, type, source, target}; type is a Neo4j relationship type).
// Returns: one row: deleted (integer).
UNWIND $rows AS row
MATCH (s:Actor)-[r]->(t:Actor)
WHERE r.id = row.id
  AND (type(r) <> row.type OR s.id <> row.source OR t.id <> row.target)
DELETE r
RETURN count(*) AS deleted

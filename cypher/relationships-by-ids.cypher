// Query: relationshipsByIds
// Purpose: fetch stored relationships by id, whatever their type (getRelationships, upsert change detection).
// Params: $ids (list of relationship ids), $types (the vocabulary's Neo4j relationship types).
// Returns: one row per stored relationship: relationship (property map plus type, source, target).
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND r.id IN $ids
RETURN r {.*, type: type(r), source: s.id, target: t.id} AS relationship

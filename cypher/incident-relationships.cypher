// Query: incidentRelationships
// Purpose: every relationship touching one of the given actors that passes the filter
//   (the basis of neighbourhood expansion and shortest paths).
// Params: $actorIds (list of actor ids), $types (Neo4j relationship types to include),
//   $minRank (lowest confidence rank),
//   $datedOnly (true: only relationships with a known start or end), $windowStart / $windowEnd (day numbers or null = open).
// Returns: one row per relationship: relationship (map with type, source, target). Sorted by the adapter.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND (s.id IN $actorIds OR t.id IN $actorIds)
  AND r.confidenceRank >= $minRank
  AND (NOT $datedOnly OR r.fromDay IS NOT NULL OR r.toDay IS NOT NULL)
  AND ($windowEnd IS NULL OR r.fromDay IS NULL OR r.fromDay <= $windowEnd)
  AND ($windowStart IS NULL OR r.toDay IS NULL OR r.toDay >= $windowStart)
RETURN r {.*, type: type(r), source: s.id, target: t.id} AS relationship

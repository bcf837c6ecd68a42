// Query: listRelationships
// Purpose: one page of relationships passing a filter, with the total count.
//   Order (contract): start day ascending (unknown start first), then id.
// Params: $types (Neo4j relationship types to include), $actorIds (touching one of these, or null),
//   $minRank (lowest confidence rank),
//   $datedOnly (true: only relationships with a known start or end), $windowStart / $windowEnd (day numbers or null = open),
//   $offset / $limit (integers).
// Returns: one row: totalCount (integer), items (list of relationship maps with type, source, target).
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND ($actorIds IS NULL OR s.id IN $actorIds OR t.id IN $actorIds)
  AND r.confidenceRank >= $minRank
  AND (NOT $datedOnly OR r.fromDay IS NOT NULL OR r.toDay IS NOT NULL)
  AND ($windowEnd IS NULL OR r.fromDay IS NULL OR r.fromDay <= $windowEnd)
  AND ($windowStart IS NULL OR r.toDay IS NULL OR r.toDay >= $windowStart)
WITH collect(r {.*, type: type(r), source: s.id, target: t.id}) AS matched
CALL (matched) {
  UNWIND matched AS rel
  WITH rel
  ORDER BY coalesce(rel.fromDay, -1000000), rel.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(rel) AS items
}
RETURN size(matched) AS totalCount, items

// Query: snapshotRelationships
// Purpose: the network valid in a window: the surest matching relationships (both ends of an
//   allowed kind), capped, with the number that matched.
//   Selection order (contract): confidence rank descending, then id.
// Params: $types (Neo4j relationship types to include), $actorIds (touching one of these, or null),
//   $kinds (allowed actor kinds for both ends, or null), $minRank (lowest confidence rank),
//   $datedOnly (true: only relationships with a known start or end),
//   $windowStart / $windowEnd (day numbers or null = open), $limit (integer cap).
// Returns: one row: totalCount (integer), items (list of relationship maps with type, source, target).
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND ($actorIds IS NULL OR s.id IN $actorIds OR t.id IN $actorIds)
  AND ($kinds IS NULL OR (s.kind IN $kinds AND t.kind IN $kinds))
  AND r.confidenceRank >= $minRank
  AND (NOT $datedOnly OR r.fromDay IS NOT NULL OR r.toDay IS NOT NULL)
  AND ($windowEnd IS NULL OR r.fromDay IS NULL OR r.fromDay <= $windowEnd)
  AND ($windowStart IS NULL OR r.toDay IS NULL OR r.toDay >= $windowStart)
WITH collect(r {.*, type: type(r), source: s.id, target: t.id}) AS matched
CALL (matched) {
  UNWIND matched AS rel
  WITH rel
  ORDER BY rel.confidenceRank DESC, rel.id
  LIMIT $limit
  RETURN collect(rel) AS items
}
RETURN size(matched) AS totalCount, items

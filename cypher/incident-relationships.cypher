// Query: incidentRelationships
// Purpose: every relationship touching one of the given actors that passes the filter
//   (the basis of neighbourhood expansion and shortest paths).
// Params: $actorIds (list of actor ids), $types (Neo4j relationship types to include),
//   $minRank (lowest confidence rank),
//   $datedOnly (true: only relationships with a known start or end), $windowStart / $windowEnd (day numbers or null = open;
//   judged on validity: the relationship's days, unknown ends bounded by its actors' active days).
// Returns: one row per relationship: relationship (map with type, source, target). Sorted by the adapter.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND (s.id IN $actorIds OR t.id IN $actorIds)
  AND r.confidenceRank >= $minRank
  AND (NOT $datedOnly OR r.fromDay IS NOT NULL OR r.toDay IS NOT NULL)
WITH s, r, t,
  coalesce(r.fromDay, CASE WHEN s.activeFromDay IS NULL THEN t.activeFromDay
    WHEN t.activeFromDay IS NULL OR s.activeFromDay >= t.activeFromDay THEN s.activeFromDay
    ELSE t.activeFromDay END) AS validFrom,
  coalesce(r.toDay, CASE WHEN s.activeToDay IS NULL THEN t.activeToDay
    WHEN t.activeToDay IS NULL OR s.activeToDay <= t.activeToDay THEN s.activeToDay
    ELSE t.activeToDay END) AS validTo
WHERE ($windowEnd IS NULL OR validFrom IS NULL OR validFrom <= $windowEnd)
  AND ($windowStart IS NULL OR validTo IS NULL OR validTo >= $windowStart)
RETURN r {.*, type: type(r), source: s.id, target: t.id} AS relationship

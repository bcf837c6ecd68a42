// Query: incidentRelationships
// Purpose: every relationship touching one of the given actors that passes the filter
//   (the basis of neighbourhood expansion and shortest paths).
// Params: $actorIds (list of actor ids), $types (Neo4j relationship types to include),
//   $minRank (lowest confidence rank),
//   $datedOnly (true: only relationships with a known start or end), $windowStart / $windowEnd (day numbers or null = open;
//   judged on validity: the relationship's days, unknown ends bounded by its actors' active days,
//   a derived bound dropped when it would end the validity before it starts — see validityOf).
// Returns: one row per relationship: relationship (map with type, source, target). Sorted by the adapter.
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND (s.id IN $actorIds OR t.id IN $actorIds)
  AND r.confidenceRank >= $minRank
  AND (NOT $datedOnly OR r.fromDay IS NOT NULL OR r.toDay IS NOT NULL)
WITH s, r, t,
  coalesce(r.fromDay, CASE WHEN s.activeFromDay IS NULL THEN t.activeFromDay
    WHEN t.activeFromDay IS NULL OR s.activeFromDay >= t.activeFromDay THEN s.activeFromDay
    ELSE t.activeFromDay END) AS from0,
  coalesce(r.toDay, CASE WHEN s.activeToDay IS NULL THEN t.activeToDay
    WHEN t.activeToDay IS NULL OR s.activeToDay <= t.activeToDay THEN s.activeToDay
    ELSE t.activeToDay END) AS to0
WITH s, r, t, from0,
  CASE WHEN r.toDay IS NULL AND from0 IS NOT NULL AND to0 IS NOT NULL AND from0 > to0 THEN null ELSE to0 END AS validTo
WITH s, r, t, validTo,
  CASE WHEN r.fromDay IS NULL AND from0 IS NOT NULL AND validTo IS NOT NULL AND from0 > validTo THEN null ELSE from0 END AS validFrom
WHERE ($windowEnd IS NULL OR validFrom IS NULL OR validFrom <= $windowEnd)
  AND ($windowStart IS NULL OR validTo IS NULL OR validTo >= $windowStart)
RETURN r {.*, type: type(r), source: s.id, target: t.id} AS relationship

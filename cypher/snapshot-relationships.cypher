// Query: snapshotRelationships
// Purpose: the network valid in a window: the surest matching relationships (both ends of an
//   allowed kind), capped, with whether more matched.
//   Selection order (contract): confidence rank descending, then id.
// Params: $types (Neo4j relationship types to include), $kinds (allowed actor kinds for both ends, or
//   null), $minRank, $datedOnly, $minSources, $windowStart / $windowEnd (as in
//   list-relationships.cypher), $limit (integer cap).
// Returns: one row: truncated (boolean), items (list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): NodeByLabelScan → Filter → Expand(All) → Filter → Projection → Top →
//   EagerAggregation → Projection → ProduceResults
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND ($kinds IS NULL OR (s.kind IN $kinds AND t.kind IN $kinds))
  AND r.confidenceRank >= $minRank
  AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
  AND (NOT $datedOnly OR r.dated)
  AND r.corroboration >= $minSources
WITH s, r, t
ORDER BY r.confidenceRank DESC, r.id
LIMIT $limit + 1
WITH collect(r {.*, type: type(r), source: s.id, target: t.id}) AS matched
RETURN size(matched) > $limit AS truncated, matched[0..$limit] AS items

// Query: listRelationships
// Purpose: one page of relationships passing a filter, with the total count (all relationships;
//   list-incident-relationships.cypher answers the same for given actors by an index seek).
//   Order (contract): validity start day ascending, then id.
// Params: $types (Neo4j relationship types to include), $minRank (lowest confidence rank),
//   $datedOnly (true: only relationships with a stated or passage-dated end), $minSources (least
//   corroboration), $windowStart / $windowEnd (day numbers; open sides are the extreme integers;
//   judged on the stored validity days), $offset / $limit (integers).
// Returns: one row: totalCount (integer), items (list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): NodeByLabelScan → Expand(All) → Filter → Projection → Sort →
//   EagerAggregation → Projection → ProduceResults
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND r.confidenceRank >= $minRank
  AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
  AND (NOT $datedOnly OR r.dated)
  AND r.corroboration >= $minSources
WITH s, r, t
ORDER BY r.validFrom, r.id
WITH collect(r {.*, type: type(r), source: s.id, target: t.id}) AS matched
RETURN size(matched) AS totalCount, matched[$offset..$offset + $limit] AS items

// Query: listIncidentRelationships
// Purpose: one page of the relationships touching any of the given actors that pass a filter, with
//   the total count. Each actor is found by an index seek on Actor.id and expanded both ways; a
//   relationship between two of the actors is counted once.
//   Order (contract): validity start day ascending, then id.
// Params: $actorIds (list of actor ids), $types, $minRank, $datedOnly, $minSources,
//   $windowStart / $windowEnd, $offset / $limit (as in list-relationships.cypher).
// Returns: one row: totalCount (integer), items (list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek) → Expand(All) → Filter → Distinct →
//   Projection → Sort → EagerAggregation → Projection → ProduceResults
UNWIND $actorIds AS actorId
MATCH (:Actor {id: actorId})-[r]-(:Actor)
WHERE type(r) IN $types
  AND r.confidenceRank >= $minRank
  AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
  AND (NOT $datedOnly OR r.dated)
  AND r.corroboration >= $minSources
WITH DISTINCT r
WITH r
ORDER BY r.validFrom, r.id
WITH collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS matched
RETURN size(matched) AS totalCount, matched[$offset..$offset + $limit] AS items

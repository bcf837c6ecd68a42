// Query: neighbourhood
// Purpose: an actor's ego network in one round trip: every actor within $depth hops over qualifying
//   relationships (either way), by BFS distance (ANY SHORTEST to each reachable actor), admitted
//   nearer first then by id until $maxActors (the centre included) — the same as admitting level by
//   level and stopping at the first level that does not fit — and the qualifying relationships from
//   an admitted actor nearer than $depth to another admitted actor.
// Params: $center (actor id), $depth (1–3), $maxActors (integer, at least 1), $types, $minRank,
//   $windowStart / $windowEnd, $datedOnly, $minSources (as in list-relationships.cypher).
// Returns: one row: actors (list of {actor: Actor property map, distance}), truncated (boolean),
//   relationships (list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): Apply(Apply(NodeUniqueIndexSeek | Argument → Filter →
//   StatefulShortestPath(All) → Filter → CacheProperties → Optional) → Projection → Projection →
//   Sort → EagerAggregation → Projection | Argument → Unwind → Projection → Filter → Expand(All) →
//   Filter → Distinct → EagerAggregation) → Projection → ProduceResults
MATCH (c:Actor {id: $center})
OPTIONAL MATCH p = ANY SHORTEST (c)((:Actor)-[r]-(:Actor)
    WHERE type(r) IN $types
      AND r.confidenceRank >= $minRank
      AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
      AND (NOT $datedOnly OR r.dated)
      AND r.corroboration >= $minSources
  ){1,3}(n:Actor)
WHERE n <> c AND length(p) <= $depth
WITH c, n, length(p) AS distance
ORDER BY distance, n.id
WITH c, collect(CASE WHEN n IS NULL THEN null ELSE {actor: n, distance: distance} END) AS reached
WITH c, [{actor: c, distance: 0}] + reached[0..$maxActors - 1] AS admitted, size(reached) > $maxActors - 1 AS truncated
CALL (admitted) {
  UNWIND admitted AS u
  WITH u.actor AS from, u.distance AS distance, [x IN admitted | x.actor] AS nodes
  WHERE distance < $depth
  MATCH (from)-[r]-(to:Actor)
  WHERE to IN nodes
    AND type(r) IN $types
      AND r.confidenceRank >= $minRank
      AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
      AND (NOT $datedOnly OR r.dated)
      AND r.corroboration >= $minSources
  WITH DISTINCT r
  RETURN collect(r {.*, type: type(r), source: startNode(r).id, target: endNode(r).id}) AS relationships
}
RETURN [x IN admitted | {actor: properties(x.actor), distance: x.distance}] AS actors, truncated, relationships

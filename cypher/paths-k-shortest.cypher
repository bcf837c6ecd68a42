// Query: pathsKShortest
// Purpose: the k shortest simple paths between two actors (mode K_SHORTEST, not time-respecting),
//   grouped by actor sequence as in paths-shortest.cypher. SHORTEST $groups GROUPS keeps the
//   simple paths of the $groups least lengths (the node-uniqueness predicate is part of the search,
//   so groups count simple paths only); the first k paths in contract order lie in those groups,
//   and the adapter takes them. Hops walk as in paths-shortest.cypher.
//   Order (contract): fewer hops, then the actor-id sequence; capped at $cap groups.
// Params: $from, $to, $types, $minRank, $windowStart / $windowEnd, $datedOnly, $minSources,
//   $excluded, $direction, $maxHops, $cap (as in paths-shortest.cypher), $groups (k, at most 6:
//   how many path lengths to keep).
// Returns: one row per actor sequence: ids (list of actor ids), variants (list of relationship
//   paths, each a list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): Union of 6 × (CartesianProduct(NodeUniqueIndexSeek → Filter |
//   NodeUniqueIndexSeek → Filter) → StatefulShortestPath(Into) → Filter → Projection) →
//   EagerAggregation → Projection → Top → ProduceResults (the branches whose count is not $groups
//   get no row from their Filter, so only one search runs)
CALL () {
  // One branch per group count 1–6 (a path has at most 6 hops, so at most 6 lengths; SHORTEST k
  // GROUPS takes a literal in 5.26): only the branch whose count is $groups gets a row to search from.
  // @each hop-count
  MATCH (a:Actor {id: $from})
  WHERE __HOPS__ = $groups
  MATCH (b:Actor {id: $to})
  MATCH p = SHORTEST __HOPS__ GROUPS (a)((x:Actor)-[r]-(y:Actor)
      WHERE type(r) IN $types
        AND r.confidenceRank >= $minRank
        AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
        AND (NOT $datedOnly OR r.dated)
        AND r.corroboration >= $minSources
        AND NOT y.id IN $excluded
        AND ($direction = 'ANY' OR r.undirected OR ($direction = 'OUT' AND startNode(r) = x) OR ($direction = 'IN' AND endNode(r) = x))
    ){1,6}(b)
  WHERE length(p) <= $maxHops AND all(i IN range(1, size(nodes(p)) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
  RETURN p
  // @end
}
WITH [n IN nodes(p) | n.id] AS ids,
  [rel IN relationships(p) | rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS variant
WITH ids, collect(variant) AS variants
ORDER BY size(ids), ids
LIMIT $cap
RETURN ids, variants

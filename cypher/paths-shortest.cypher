// Query: pathsShortest
// Purpose: every shortest path between two actors (mode SHORTEST, not time-respecting), grouped by
//   actor sequence: for each sequence, every relationship path that realises it (parallel
//   qualifying relationships give one each), so the adapter sees every hop's qualifying
//   relationships and picks each hop's relationship with the shared rules (server/domain/temporal.ts).
//   A hop may walk r from x to y when r passes the filter, y is not excluded, and the direction
//   allows it (undirected types always; OUT: x is r's source; IN: x is r's target).
//   Order (contract): fewer hops, then the actor-id sequence; capped at $cap groups.
// Params: $from, $to (actor ids), $types (Neo4j relationship types a hop may use), $minRank,
//   $windowStart / $windowEnd, $datedOnly, $minSources (as in list-relationships.cypher),
//   $excluded (actor ids no path may enter), $direction ('ANY' | 'OUT' | 'IN'), $maxHops (1–6),
//   $cap (most actor sequences returned: the limit plus one, to tell a capped answer).
// Returns: one row per actor sequence: ids (list of actor ids), variants (list of relationship
//   paths, each a list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): CartesianProduct(NodeUniqueIndexSeek | NodeUniqueIndexSeek → Filter) →
//   StatefulShortestPath(Into) → Filter → Projection → EagerAggregation → Projection → Top →
//   ProduceResults
MATCH (a:Actor {id: $from})
MATCH (b:Actor {id: $to})
MATCH p = ALL SHORTEST (a)((x:Actor)-[r]-(y:Actor)
    WHERE type(r) IN $types
      AND r.confidenceRank >= $minRank
      AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
      AND (NOT $datedOnly OR r.dated)
      AND r.corroboration >= $minSources
      AND NOT y.id IN $excluded
      AND ($direction = 'ANY' OR r.undirected OR ($direction = 'OUT' AND startNode(r) = x) OR ($direction = 'IN' AND endNode(r) = x))
  ){1,6}(b)
WHERE length(p) <= $maxHops
WITH [n IN nodes(p) | n.id] AS ids,
  [rel IN relationships(p) | rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}] AS variant
WITH ids, collect(variant) AS variants
ORDER BY size(ids), ids
LIMIT $cap
RETURN ids, variants

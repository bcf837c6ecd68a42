// Query: pathsSimple — the REFERENCE formulation kept for `npm run bench -- paths` only (it was
//   cypher/paths-simple.cypher until 2026-12-02): every full-length walk from $from, then filtered.
// Purpose: simple paths between two actors of 1 to $maxHops hops (modes K_SHORTEST and ALL_SIMPLE,
//   and SHORTEST when time-respecting), grouped by actor sequence as in paths-shortest.cypher. The
//   block below is repeated by the registry for each hop count 1–6 (a quantifier cannot be a
//   parameter), each branch skipped when longer than $maxHops.
//   Time order: Neo4j 5.26 cannot prune during the match, so it is checked on the matched paths:
//   a relationship path is time-respecting when its reach stays non-empty, the reach after hop i
//   being [max(lo, from_i), min(hi + $maxGap, to_i)] (the single-relationship case of
//   server/domain/temporal.ts); a sequence is kept when one of its relationship paths is. (From
//   Neo4j 2025.08, allReduce inside the path pattern prunes during the match instead.)
//   Order (contract): fewer hops, then the actor-id sequence; capped at $cap groups.
// Params: $from, $to, $types, $minRank, $windowStart / $windowEnd, $datedOnly, $minSources,
//   $excluded, $direction, $maxHops, $cap (as in paths-shortest.cypher), $temporal (boolean: keep
//   only time-respecting sequences), $maxGap (days between consecutive hops, or null), $minDay /
//   $maxDay (the extreme day numbers: the reach before the first hop).
// Returns: one row per actor sequence: ids (list of actor ids), variants (list of relationship
//   paths, each a list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): Union of 6 × (Repeat(Trail)(NodeUniqueIndexSeek → Filter | Argument →
//   Filter → Expand(All) → Filter) → Filter → Projection) → Projection (reduce) → EagerAggregation →
//   Filter → Top → ProduceResults
CALL () {
  // @each hop-count
  MATCH (a:Actor {id: $from})
  WHERE __HOPS__ <= $maxHops
  MATCH p = (a)((x:Actor)-[r]-(y:Actor)
      WHERE type(r) IN $types
      AND r.confidenceRank >= $minRank
      AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
      AND (NOT $datedOnly OR r.dated)
      AND r.corroboration >= $minSources
        AND NOT y.id IN $excluded
        AND ($direction = 'ANY' OR r.undirected OR ($direction = 'OUT' AND startNode(r) = x) OR ($direction = 'IN' AND endNode(r) = x))
    ){__HOPS__}(b:Actor {id: $to})
  WHERE all(i IN range(1, size(nodes(p)) - 1) WHERE NOT nodes(p)[i] IN nodes(p)[0..i])
  RETURN p
  // @end
}
WITH p, reduce(w = [$minDay, $maxDay], rel IN relationships(p) |
    CASE WHEN w[0] > w[1] THEN w
    ELSE [CASE WHEN rel.validFrom > w[0] THEN rel.validFrom ELSE w[0] END,
          CASE WHEN $maxGap IS NOT NULL AND w[1] + $maxGap < rel.validTo THEN w[1] + $maxGap ELSE rel.validTo END]
    END) AS reach
WITH [n IN nodes(p) | n.id] AS ids,
  {ok: NOT $temporal OR reach[0] <= reach[1],
   rels: [rel IN relationships(p) | rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}]} AS variant
WITH ids, collect(variant) AS variants
WHERE any(v IN variants WHERE v.ok)
ORDER BY size(ids), ids
LIMIT $cap
RETURN ids, [v IN variants | v.rels] AS variants

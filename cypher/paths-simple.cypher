// Query: pathsSimple
// Purpose: simple paths between two actors of 1 to $maxHops hops (modes K_SHORTEST and ALL_SIMPLE,
//   and SHORTEST when time-respecting), grouped by actor sequence as in paths-shortest.cypher.
//   A path of L ≥ 2 hops is met in the middle: a head of ⌈L/2⌉ hops walked from $from and a tail
//   of ⌊L/2⌋ hops walked into $to, each expanded from its own end and joined on the middle actor
//   (USING JOIN ON m), so a length costs two half-length expansions plus its answers instead of
//   every full-length walk from $from. The block between `@each hop-count-split` and `@end` is
//   repeated by the registry for L = 2…6 (__HOPS__, __HEAD__, __TAIL__: a quantifier cannot be a
//   parameter), each branch skipped when longer than $maxHops; 1 hop is written out.
//   Time order: Neo4j 5.26 cannot prune during the match, so it is checked on the matched paths:
//   a relationship path is time-respecting when its reach stays non-empty, the reach after hop i
//   being [max(lo, from_i), min(hi + $maxGap, to_i)] (the single-relationship case of
//   server/domain/temporal.ts); a sequence is kept when one of its relationship paths is. A head or
//   tail that is not time-respecting itself is dropped before the join (every part of a
//   time-respecting path is one). (From Neo4j 2025.08, allReduce prunes during the match instead.)
//   Relationships stay references until the capped answer is projected (small rows for the
//   planner's memory accounting).
//   Order (contract): fewer hops, then the actor-id sequence; capped at $cap groups.
// Params: $from, $to, $types, $minRank, $windowStart / $windowEnd, $datedOnly, $minSources,
//   $excluded, $direction, $maxHops, $cap (as in paths-shortest.cypher), $temporal (boolean: keep
//   only time-respecting sequences), $maxGap (days between consecutive hops, or null), $minDay /
//   $maxDay (the extreme day numbers: the reach before the first hop).
// Returns: one row per actor sequence: ids (list of actor ids), variants (list of relationship
//   paths, each a list of relationship maps with type, source, target).
// Plan (PROFILE, 5.26): Union of (NodeUniqueIndexSeek × 2 → Repeat(Trail){1}) and 5 ×
//   (NodeHashJoin(Repeat(Trail) from $from → Filter | Repeat(Trail) from $to → Filter) → Filter →
//   Projection) → Projection (reduce) → EagerAggregation → Filter → Top → ProduceResults
CALL () {
  MATCH (a:Actor {id: $from})
  MATCH (b:Actor {id: $to})
  MATCH p = (a)((x:Actor)-[r]-(y:Actor)
        WHERE type(r) IN $types
          AND r.confidenceRank >= $minRank
          AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
          AND (NOT $datedOnly OR r.dated)
          AND r.corroboration >= $minSources
          AND NOT y.id IN $excluded
          AND ($direction = 'ANY' OR r.undirected OR ($direction = 'OUT' AND startNode(r) = x) OR ($direction = 'IN' AND endNode(r) = x))
      ){1}(b)
  RETURN nodes(p) AS actors, relationships(p) AS rels
  UNION ALL
  // @each hop-count-split
  MATCH (a:Actor {id: $from})
  MATCH (b:Actor {id: $to})
  WHERE __HOPS__ <= $maxHops
  MATCH h = (a)((x:Actor)-[r]-(y:Actor)
        WHERE type(r) IN $types
          AND r.confidenceRank >= $minRank
          AND r.validFrom <= $windowEnd AND r.validTo >= $windowStart
          AND (NOT $datedOnly OR r.dated)
          AND r.corroboration >= $minSources
          AND NOT y.id IN $excluded
          AND ($direction = 'ANY' OR r.undirected OR ($direction = 'OUT' AND startNode(r) = x) OR ($direction = 'IN' AND endNode(r) = x))
      ){__HEAD__}(m:Actor),
    t = (m)((u:Actor)-[s]-(v:Actor)
        WHERE type(s) IN $types
          AND s.confidenceRank >= $minRank
          AND s.validFrom <= $windowEnd AND s.validTo >= $windowStart
          AND (NOT $datedOnly OR s.dated)
          AND s.corroboration >= $minSources
          AND NOT v.id IN $excluded
          AND ($direction = 'ANY' OR s.undirected OR ($direction = 'OUT' AND startNode(s) = u) OR ($direction = 'IN' AND endNode(s) = u))
      ){__TAIL__}(b)
  USING JOIN ON m
  WHERE all(i IN range(1, size(nodes(h)) - 1) WHERE NOT nodes(h)[i] IN nodes(h)[0..i])
    AND all(i IN range(1, size(nodes(t)) - 1) WHERE NOT nodes(t)[i] IN nodes(t)[0..i])
    AND (NOT $temporal OR all(w IN [reduce(w = [$minDay, $maxDay], rel IN relationships(h) |
        CASE WHEN w[0] > w[1] THEN w
        ELSE [CASE WHEN rel.validFrom > w[0] THEN rel.validFrom ELSE w[0] END,
              CASE WHEN $maxGap IS NOT NULL AND w[1] + $maxGap < rel.validTo THEN w[1] + $maxGap ELSE rel.validTo END]
        END)] WHERE w[0] <= w[1]))
    AND (NOT $temporal OR all(w IN [reduce(w = [$minDay, $maxDay], rel IN relationships(t) |
        CASE WHEN w[0] > w[1] THEN w
        ELSE [CASE WHEN rel.validFrom > w[0] THEN rel.validFrom ELSE w[0] END,
              CASE WHEN $maxGap IS NOT NULL AND w[1] + $maxGap < rel.validTo THEN w[1] + $maxGap ELSE rel.validTo END]
        END)] WHERE w[0] <= w[1]))
  WITH h, t
  WHERE none(n IN nodes(h)[0..-1] WHERE n IN nodes(t))
  RETURN nodes(h) + tail(nodes(t)) AS actors, relationships(h) + relationships(t) AS rels
  // @end
}
WITH [n IN actors | n.id] AS ids, rels, reduce(w = [$minDay, $maxDay], rel IN rels |
        CASE WHEN w[0] > w[1] THEN w
        ELSE [CASE WHEN rel.validFrom > w[0] THEN rel.validFrom ELSE w[0] END,
              CASE WHEN $maxGap IS NOT NULL AND w[1] + $maxGap < rel.validTo THEN w[1] + $maxGap ELSE rel.validTo END]
        END) AS reach
WITH ids, collect({ok: NOT $temporal OR reach[0] <= reach[1], rels: rels}) AS variants
WHERE any(v IN variants WHERE v.ok)
ORDER BY size(ids), ids
LIMIT $cap
RETURN ids, [v IN variants | [rel IN v.rels | rel {.*, type: type(rel), source: startNode(rel).id, target: endNode(rel).id}]] AS variants

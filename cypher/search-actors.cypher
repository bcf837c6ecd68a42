// Query: searchActors
// Purpose: one page of actors matching a search string and filters, with the total count.
//   Rank as in server/domain/search.ts: 0 plain exact (or empty query), 1 folded exact (4+),
//   2 plain prefix, 3 folded prefix, 4 plain substring, 5 folded substring (folded queries of
//   4+ characters), 6 consonant-skeleton substring (plain queries of 5+, skeletons of 3+).
//   Order (contract): rank, folded name (nameKey), id.
// Params: $plain / $folded / $skeleton (the query's three forms, '' = everything), $kinds (list of actor kinds or null),
//   $countries (list of countries or null), $windowStart / $windowEnd (day numbers; the extreme
//   integers when open; judged on the stored lifespan days),
//   $offset / $limit (integers).
// Returns: one row: totalCount (integer), items (list of Actor property maps, in contract order).
// Plan (PROFILE, 5.26): NodeIndexSeek → Filter → Projection → Filter → CacheProperties →
//   Projection → Sort → EagerAggregation → Projection → ProduceResults
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($countries IS NULL OR a.country IN $countries)
  AND a.spanFromDay <= $windowEnd AND a.spanToDay >= $windowStart
WITH a,
  CASE
    WHEN $plain = '' OR $plain IN a.plainKeys THEN 0
    WHEN size($folded) >= 4 AND $folded IN a.searchKeys THEN 1
    WHEN any(k IN a.plainKeys WHERE k STARTS WITH $plain) THEN 2
    WHEN size($folded) >= 4 AND any(k IN a.searchKeys WHERE k STARTS WITH $folded) THEN 3
    WHEN any(k IN a.plainKeys WHERE k CONTAINS $plain) THEN 4
    WHEN size($folded) >= 4 AND any(k IN a.searchKeys WHERE k CONTAINS $folded) THEN 5
    WHEN size($plain) >= 5 AND size($skeleton) >= 3 AND any(k IN a.skeletonKeys WHERE k CONTAINS $skeleton) THEN 6
  END AS rank
WHERE rank IS NOT NULL
WITH a, rank
ORDER BY rank, a.nameKey, a.id
WITH collect(a {.*}) AS hits
RETURN size(hits) AS totalCount, hits[$offset..$offset + $limit] AS items

// Query: searchActors
// Purpose: one page of actors matching a folded search string and filters, with the total count.
//   Rank as in server/domain/search.ts: 0 = exact key (or empty query), 1 = prefix, 2 = substring.
//   Order (contract): rank, folded name (nameKey), id.
// Params: $query (folded search string, '' = everything), $kinds (list of actor kinds or null),
//   $countries (list of countries or null), $windowStart / $windowEnd (day numbers or null = open),
//   $offset / $limit (integers).
// Returns: one row: totalCount (integer), items (list of Actor property maps, in contract order).
MATCH (a:Actor)
WHERE ($kinds IS NULL OR a.kind IN $kinds)
  AND ($countries IS NULL OR a.country IN $countries)
  AND ($windowEnd IS NULL OR a.activeFromDay IS NULL OR a.activeFromDay <= $windowEnd)
  AND ($windowStart IS NULL OR a.activeToDay IS NULL OR a.activeToDay >= $windowStart)
WITH a,
  CASE
    WHEN $query = '' OR $query IN a.searchKeys THEN 0
    WHEN any(k IN a.searchKeys WHERE k STARTS WITH $query) THEN 1
    WHEN any(k IN a.searchKeys WHERE k CONTAINS $query) THEN 2
  END AS rank
WHERE rank IS NOT NULL
WITH collect({actor: a {.*}, rank: rank, nameKey: a.nameKey}) AS hits
CALL (hits) {
  UNWIND hits AS hit
  WITH hit
  ORDER BY hit.rank, hit.nameKey, hit.actor.id
  SKIP $offset
  LIMIT $limit
  RETURN collect(hit.actor) AS items
}
RETURN size(hits) AS totalCount, items

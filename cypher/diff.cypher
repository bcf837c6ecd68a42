// Query: diff
// Purpose: the relationships passing a filter that are valid in either of two windows, with where
//   each is valid; the adapter sorts them into added, ended and stage changes with the shared rules
//   (server/domain/stages.ts).
// Params: $types, $minRank, $datedOnly, $minSources (as in list-relationships.cypher),
//   $aStart / $aEnd, $bStart / $bEnd (day numbers of the two windows).
// Returns: one row per relationship: relationship (map with type, source, target), inA, inB (booleans).
// Plan (PROFILE, 5.26): NodeByLabelScan → Expand(All) → Filter → CacheProperties → Projection →
//   Filter → Projection → ProduceResults
MATCH (s:Actor)-[r]->(t:Actor)
WHERE type(r) IN $types
  AND r.confidenceRank >= $minRank
  AND (NOT $datedOnly OR r.dated)
  AND r.corroboration >= $minSources
WITH s, r, t,
  r.validFrom <= $aEnd AND r.validTo >= $aStart AS inA,
  r.validFrom <= $bEnd AND r.validTo >= $bStart AS inB
WHERE inA OR inB
RETURN r {.*, type: type(r), source: s.id, target: t.id} AS relationship, inA, inB

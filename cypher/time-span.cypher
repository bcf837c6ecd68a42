// Query: timeSpan
// Purpose: the first day any actor or relationship is known to exist and the last: the actors'
//   derived lifespans and the relationships' validity (what the timeline's years run between).
// Params: $types (Neo4j relationship types of the vocabulary).
// Returns: one row: actorStart, actorEnd, relationshipStart, relationshipEnd (integers, or null when
//   there are none).
// Plan (PROFILE, 5.26): two subqueries — NodeByLabelScan → EagerAggregation, and
//   NodeByLabelScan → Expand(All) → Filter → EagerAggregation — then ProduceResults
CALL () {
  MATCH (a:Actor)
  RETURN min(a.spanFromDay) AS actorStart, max(a.spanToDay) AS actorEnd
}
CALL () {
  MATCH (:Actor)-[r]->(:Actor)
  WHERE type(r) IN $types
  RETURN min(r.validFrom) AS relationshipStart, max(r.validTo) AS relationshipEnd
}
RETURN actorStart, actorEnd, relationshipStart, relationshipEnd

// Query: overview
// Purpose: the opening view of a network too big to show whole: the most connected actors (their
//   relationships of the vocabulary's types, each once, a self-loop counted once; ties by id) and
//   the surest relationships among them.
//   Selection order (contract): degree descending, then id; relationships confidence rank
//   descending, then id.
// Params: $types (Neo4j relationship types of the vocabulary), $maxActors, $maxRelationships
//   (integer caps).
// Returns: one row: actorIds (the chosen actors' ids), truncated (boolean: more actors than
//   $maxActors, or more relationships among them than $maxRelationships), items (relationship maps
//   with type, source, target, as snapshot-relationships.cypher returns them).
// Plan (PROFILE, 5.26): NodeByLabelScan → Apply(GetDegree-style counts) → Top → EagerAggregation →
//   Apply(Unwind → Expand(All) → Filter → Top → EagerAggregation) → Projection → ProduceResults
MATCH (a:Actor)
WITH a,
     COUNT { (a)-[r]->(:Actor) WHERE type(r) IN $types } +
     COUNT { (b:Actor)-[r]->(a) WHERE type(r) IN $types AND b <> a } AS degree
ORDER BY degree DESC, a.id
LIMIT $maxActors + 1
WITH collect(a) AS ranked
WITH ranked[0..$maxActors] AS top, size(ranked) > $maxActors AS more
CALL (top) {
  UNWIND top AS s
  MATCH (s)-[r]->(t:Actor)
  WHERE type(r) IN $types AND t IN top
  WITH s, r, t
  ORDER BY r.confidenceRank DESC, r.id
  LIMIT $maxRelationships + 1
  RETURN collect(r {.*, type: type(r), source: s.id, target: t.id}) AS matched
}
RETURN [a IN top | a.id] AS actorIds,
       more OR size(matched) > $maxRelationships AS truncated,
       matched[0..$maxRelationships] AS items

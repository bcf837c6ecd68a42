// Query: counts
// Purpose: how many records of each kind are stored.
// Params: $types (the vocabulary's Neo4j relationship types).
// Returns: one row: actors, relationships, events, sources, capacity, figures (integers).
// Plan (PROFILE, 5.26): Apply(Apply(Apply(Apply(Apply(NodeCountFromCountStore |
//   NodeCountFromCountStore) | NodeByLabelScan → Expand(All) → Filter → EagerAggregation) |
//   NodeCountFromCountStore) | NodeCountFromCountStore) | NodeCountFromCountStore) → ProduceResults
RETURN
  COUNT { MATCH (:Actor) } AS actors,
  COUNT { MATCH (:Actor)-[r]->(:Actor) WHERE type(r) IN $types } AS relationships,
  COUNT { MATCH (:Event) } AS events,
  COUNT { MATCH (:Source) } AS sources,
  COUNT { MATCH (:CapacityAssessment) } AS capacity,
  COUNT { MATCH (:Figure) } AS figures

// Query: listSources
// Purpose: every source document with the number of records (actors, relationships, events,
//   capacity ratings, figures) citing it; a record citing a source twice counts once.
// Params: $types (the vocabulary's Neo4j relationship types).
// Returns: one row per source: source (Source property map), factCount (integer). Sorted by the adapter.
// Plan (PROFILE, 5.26): Apply(Apply(Apply(NodeByLabelScan → CacheProperties | NodeByLabelScan →
//   Filter → EagerAggregation) → CacheProperties | UnionNodeByLabelsScan → Filter →
//   EagerAggregation) → CacheProperties | NodeByLabelScan → Expand(All) → Filter → EagerAggregation)
//   → Projection → ProduceResults
MATCH (s:Source)
RETURN s {.*} AS source,
  COUNT { MATCH (n:Actor) WHERE s.id IN n.citationSources OR s.id IN n.lifespanSources }
  + COUNT { MATCH (n:Event|CapacityAssessment|Figure) WHERE s.id IN n.citationSources }
  + COUNT { MATCH (:Actor)-[r]->(:Actor) WHERE type(r) IN $types AND s.id IN r.claimSources } AS factCount

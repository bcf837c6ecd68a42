// Query: derivationActorInputs
// Purpose: what an actor's derived lifespan depends on (server/domain/derive.ts): its readings and
//   citations, the first and last claim dates of its relationships (each relationship stores its
//   own), the dates of its events, ratings and figures, and the documents whose claims mention it.
// Params: $ids (list of actor ids).
// Returns: one row per stored actor: id, lifespan (JSON of its readings), citationSources (list),
//   first / last ([day, date] of the earliest claim date and the latest, or null), dates (list of
//   date points of its events, ratings and figures), claimSources (distinct source ids).
// Plan (PROFILE, 5.26): RollUpApply × 6 over Apply(Unwind | NodeUniqueIndexSeek): Expand(All) →
//   Filter → Top 1 (first and last claim dates), Union of Expand(All) → Filter → Projection (event,
//   rating and figure dates), Expand(All) → Unwind → Distinct (claim sources) → ProduceResults
UNWIND $ids AS actorId
MATCH (a:Actor {id: actorId})
RETURN a.id AS id, a.lifespanJson AS lifespan, a.citationSources AS citationSources,
  COLLECT {
    MATCH (a)-[r]-(:Actor) WHERE r.claimFirstDay IS NOT NULL
    RETURN [r.claimFirstDay, r.claimFirstDate] AS first ORDER BY r.claimFirstDay, r.claimFirstDate LIMIT 1
  } AS first,
  COLLECT {
    MATCH (a)-[r]-(:Actor) WHERE r.claimLastDay IS NOT NULL
    RETURN [r.claimLastDay, r.claimLastDate] AS last ORDER BY r.claimLastDay DESC, r.claimLastDate LIMIT 1
  } AS last,
  COLLECT { MATCH (e:Event)-[:INVOLVES|AT]->(a) RETURN e.date AS date UNION ALL MATCH (e:Event)-[:INVOLVES|AT]->(a) WHERE e.endDate IS NOT NULL RETURN e.endDate AS date }
  + COLLECT { MATCH (c:CapacityAssessment)-[:RATES]->(a) WHERE c.fromDate IS NOT NULL RETURN c.fromDate AS date UNION ALL MATCH (c:CapacityAssessment)-[:RATES]->(a) WHERE c.toDate IS NOT NULL RETURN c.toDate AS date }
  + COLLECT { MATCH (f:Figure)-[:ABOUT]->(a) WHERE f.fromDate IS NOT NULL RETURN f.fromDate AS date UNION ALL MATCH (f:Figure)-[:ABOUT]->(a) WHERE f.toDate IS NOT NULL RETURN f.toDate AS date } AS dates,
  COLLECT { MATCH (a)-[r]-(:Actor) UNWIND r.claimSources AS source RETURN DISTINCT source } AS claimSources

// Query: referencedRecords
// Purpose: which of the actors and sources an upsert batch refers to (but does not contain) are
//   already stored, with the actors' kinds, for assertBatchIntegrity.
// Params: $actorIds (list of actor ids), $sourceIds (list of source ids).
// Returns: one row: actors (list of {id, kind}), sources (list of source ids).
// Plan (PROFILE, 5.26): RollUpApply(RollUpApply(EmptyRow | NodeUniqueIndexSeek → Projection) |
//   NodeUniqueIndexSeek → Projection) → ProduceResults
RETURN
  COLLECT { MATCH (a:Actor) WHERE a.id IN $actorIds RETURN {id: a.id, kind: a.kind} } AS actors,
  COLLECT { MATCH (s:Source) WHERE s.id IN $sourceIds RETURN s.id } AS sources

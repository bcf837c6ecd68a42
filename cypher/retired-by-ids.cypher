// Query: retiredByIds
// Purpose: retired records by key ("section/id", e.g. "relationships/r-de"): what recordStates
//   answers and what applyChange checks a planned edit against.
// Params: $ids (list of keys).
// Returns: one row per retired record: retired (Retired property map: id, section, recordId,
//   recordJson, retiredJson).
// Plan (PROFILE, 5.26): NodeUniqueIndexSeek → Projection → ProduceResults
MATCH (r:Retired)
WHERE r.id IN $ids
RETURN r {.*} AS retired

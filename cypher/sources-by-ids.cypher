// Query: sourcesByIds
// Purpose: fetch stored sources by id (citations, source periods, upsert change detection).
// Params: $ids (list of source ids, or null for every source).
// Returns: one row per stored source: source (Source property map).
// Plan (PROFILE, 5.26): NodeByLabelScan → Filter → Projection → ProduceResults
MATCH (s:Source)
WHERE $ids IS NULL OR s.id IN $ids
RETURN s {.*} AS source

// Query: sourcesByIds
// Purpose: fetch stored sources by id (upsert change detection).
// Params: $ids (list of source ids).
// Returns: one row per stored source: source (Source property map).
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s {.*} AS source

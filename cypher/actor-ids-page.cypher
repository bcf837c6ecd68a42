// Query: actorIdsPage
// Purpose: one page of actor ids in id order (re-deriving every lifespan and validity page by page).
// Params: $after (the last id of the previous page, '' for the first), $limit (integer).
// Returns: one row per actor: id.
// Plan (PROFILE, 5.26): NodeUniqueIndexSeekByRange → Limit → Projection → ProduceResults
MATCH (a:Actor)
WHERE a.id > $after
RETURN a.id AS id
ORDER BY a.id
LIMIT $limit

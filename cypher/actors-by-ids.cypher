// Query: actorsByIds
// Purpose: fetch stored actors by id (getActors, snapshot endpoints, upsert change detection).
// Params: $ids (list of actor ids).
// Returns: one row per stored actor: actor (Actor property map). Order is not significant.
// Plan (PROFILE, 5.26): NodeUniqueIndexSeek → Projection → ProduceResults
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a {.*} AS actor

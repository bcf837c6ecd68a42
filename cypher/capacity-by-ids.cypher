// Query: capacityByIds
// Purpose: fetch stored capacity ratings by id (upsert change detection).
// Params: $ids (list of rating ids).
// Returns: one row per stored rating: capacity (CapacityAssessment property map plus region id).
// Plan (PROFILE, 5.26): NodeUniqueIndexSeek → Expand(All) → Filter → Projection → ProduceResults
MATCH (c:CapacityAssessment)-[:RATES]->(region:Actor)
WHERE c.id IN $ids
RETURN c {.*, region: region.id} AS capacity

// Query: listCapacity
// Purpose: state-capacity ratings of a region (or all) whose period overlaps a window.
// Params: $regionId (actor id or null = any), $windowStart / $windowEnd (day numbers or null = open).
// Returns: one row per rating: capacity (CapacityAssessment property map plus region id). Sorted by the adapter.
// Plan (PROFILE, 5.26): NodeByLabelScan → Filter → Expand(All) → Filter → Projection →
//   ProduceResults
MATCH (c:CapacityAssessment)-[:RATES]->(region:Actor)
WHERE ($regionId IS NULL OR region.id = $regionId)
  AND ($windowEnd IS NULL OR c.fromDay IS NULL OR c.fromDay <= $windowEnd)
  AND ($windowStart IS NULL OR c.toDay IS NULL OR c.toDay >= $windowStart)
RETURN c {.*, region: region.id} AS capacity

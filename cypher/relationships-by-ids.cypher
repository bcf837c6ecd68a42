// Query: relationshipsByIds
// Purpose: fetch stored relationships by id, whatever their type (getRelationships, upsert change
//   detection). One unique-index seek per vocabulary type (the block is repeated for each type by the
//   registry): an untyped or multi-type MATCH on r.id would scan every relationship.
// Params: $ids (list of relationship ids).
// Returns: one row per stored relationship: relationship (property map plus type, source, target).
// Plan (PROFILE, 5.26): Union of 21 × (DirectedRelationshipUniqueIndexSeek → Filter → Projection)
//   → ProduceResults (one unique-index seek per type)
CALL () {
  // @each relationship-type
  MATCH (s:Actor)-[r:__TYPE__]->(t:Actor)
  WHERE r.id IN $ids
  RETURN r {.*, type: type(r), source: s.id, target: t.id} AS relationship
  // @end
}
RETURN relationship

// Query: figuresByIds
// Purpose: fetch stored figures by id (upsert change detection).
// Params: $ids (list of figure ids).
// Returns: one row per stored figure: figure (Figure property map plus actors as a list of {id, position}).
// Plan (PROFILE, 5.26): RollUpApply(NodeUniqueIndexSeek | Argument → Expand(All) → Filter →
//   Projection) → Projection → ProduceResults
MATCH (f:Figure)
WHERE f.id IN $ids
RETURN f {.*, actors: [(f)-[i:ABOUT]->(a:Actor) | {id: a.id, position: i.position}]} AS figure

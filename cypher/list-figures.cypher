// Query: listFigures
// Purpose: figures about an actor (or all figures).
// Params: $actorId (actor id or null = any).
// Returns: one row per figure: figure (Figure property map plus actors as a list of {id, position}).
//   Sorted by the adapter.
// Plan (PROFILE, 5.26): RollUpApply(SelectOrSemiApply(NodeByLabelScan | Argument → Expand(All) →
//   Filter) | Argument → Expand(All) → Filter → Projection) → Projection → ProduceResults
MATCH (f:Figure)
WHERE $actorId IS NULL OR EXISTS { (f)-[:ABOUT]->(:Actor {id: $actorId}) }
RETURN f {.*, actors: [(f)-[i:ABOUT]->(a:Actor) | {id: a.id, position: i.position}]} AS figure

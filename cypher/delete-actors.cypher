// Query: deleteActors
// Purpose: take retired actors out of the network (their data is kept on a Retired node written in
//   the same transaction; their relationships were retired or re-pointed before, and no event,
//   rating or figure names them).
// Params: $ids (list of actor ids).
// Returns: one row: deleted (integer).
// Plan (PROFILE, 5.26): Apply(Unwind | NodeUniqueIndexSeek(Locking)) → Eager → DetachDelete →
//   EagerAggregation → ProduceResults
UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a
RETURN count(*) AS deleted

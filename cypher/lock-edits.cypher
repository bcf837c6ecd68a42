// Query: lockEdits
// Purpose: serialise edits: every applyChange transaction first takes the write lock of the one
//   EditLock node, so that its check that the records are as planned and its writes happen with no
//   other edit in between (Neo4j reads are read-committed; the lock makes the check hold).
// Params: $id (the lock's id: "edits"), $at (the change's ISO instant).
// Returns: one row: id.
// Plan (PROFILE, 5.26): NodeUniqueIndexSeek(Locking) → Merge → SetProperty → Projection → ProduceResults
MERGE (l:EditLock {id: $id})
SET l.at = $at
RETURN l.id AS id

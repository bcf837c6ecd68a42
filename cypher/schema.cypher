// Script: schema (not a single query: several statements separated by semicolons, run one by one
//   on connect; every statement is IF NOT EXISTS, so applying it again changes nothing).
// Purpose: uniqueness of record ids (per node label, and per relationship type for EVERY type of the
//   vocabulary, since Neo4j 5 relationship constraints are per type; the per-type id index is what
//   relationships-by-ids.cypher seeks), a full-text index on actor names and aliases, and range
//   indexes for the kind/country, lifespan and interval filters.
// Params: none.
// Returns: nothing.
// Keep in step with RELATIONSHIP_TYPES in server/domain/vocabulary.ts (tests/cypher/schema.test.ts checks).

// Node ids
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT capacity_assessment_id IF NOT EXISTS FOR (n:CapacityAssessment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT retired_id IF NOT EXISTS FOR (n:Retired) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT edit_lock_id IF NOT EXISTS FOR (n:EditLock) REQUIRE n.id IS UNIQUE;

// Relationship ids, one constraint per vocabulary type (a relationship id is unique across all types:
//   the adapter also deletes an id stored under another type before writing it)
CREATE CONSTRAINT rel_no_relationship_id IF NOT EXISTS FOR ()-[r:NO_RELATIONSHIP]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_operational_id IF NOT EXISTS FOR ()-[r:OPERATIONAL]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_alliance_id IF NOT EXISTS FOR ()-[r:ALLIANCE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_convergence_id IF NOT EXISTS FOR ()-[r:CONVERGENCE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_splinter_of_id IF NOT EXISTS FOR ()-[r:SPLINTER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_successor_of_id IF NOT EXISTS FOR ()-[r:SUCCESSOR_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_leads_id IF NOT EXISTS FOR ()-[r:LEADS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_part_of_id IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_collusion_id IF NOT EXISTS FOR ()-[r:COLLUSION]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_funds_id IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_assists_id IF NOT EXISTS FOR ()-[r:ASSISTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_cooperates_with_id IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_rivalry_id IF NOT EXISTS FOR ()-[r:RIVALRY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_operates_in_id IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_traffics_through_id IF NOT EXISTS FOR ()-[r:TRAFFICS_THROUGH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_combats_id IF NOT EXISTS FOR ()-[r:COMBATS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_attacks_id IF NOT EXISTS FOR ()-[r:ATTACKS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_threatens_id IF NOT EXISTS FOR ()-[r:THREATENS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rel_designated_by_id IF NOT EXISTS FOR ()-[r:DESIGNATED_BY]-() REQUIRE r.id IS UNIQUE;

// Actor search and filters
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases];
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country);
CREATE INDEX actor_name_key IF NOT EXISTS FOR (n:Actor) ON (n.nameKey);
CREATE INDEX actor_span_days IF NOT EXISTS FOR (n:Actor) ON (n.spanFromDay, n.spanToDay);

// The audit log, newest first
CREATE INDEX audit_entry_at IF NOT EXISTS FOR (n:AuditEntry) ON (n.at);

// Interval filters on events and capacity ratings
CREATE INDEX event_days IF NOT EXISTS FOR (n:Event) ON (n.fromDay, n.toDay);
CREATE INDEX capacity_assessment_days IF NOT EXISTS FOR (n:CapacityAssessment) ON (n.fromDay, n.toDay);

// Script: schema (not a single query: several statements separated by semicolons, run one by one
//   on connect; every statement is IF NOT EXISTS, so applying it again changes nothing).
// Purpose: uniqueness of record ids (per node label, and per relationship type for EVERY type of the
//   vocabulary, since Neo4j 5 relationship constraints are per type), a full-text index on actor names
//   and aliases, and range indexes for the kind/country and interval filters.
// Params: none.
// Returns: nothing.
// Keep in step with RELATIONSHIP_TYPES in server/domain/vocabulary.ts (tests/cypher/schema.test.ts checks).

// Node ids
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT capacity_assessment_id IF NOT EXISTS FOR (n:CapacityAssessment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT figure_id IF NOT EXISTS FOR (n:Figure) REQUIRE n.id IS UNIQUE;

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

// Interval filters on relationships (fromDay/toDay are day numbers, absent when open)
CREATE INDEX rel_no_relationship_days IF NOT EXISTS FOR ()-[r:NO_RELATIONSHIP]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_operational_days IF NOT EXISTS FOR ()-[r:OPERATIONAL]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_alliance_days IF NOT EXISTS FOR ()-[r:ALLIANCE]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_convergence_days IF NOT EXISTS FOR ()-[r:CONVERGENCE]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_splinter_of_days IF NOT EXISTS FOR ()-[r:SPLINTER_OF]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_successor_of_days IF NOT EXISTS FOR ()-[r:SUCCESSOR_OF]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_member_of_days IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_leads_days IF NOT EXISTS FOR ()-[r:LEADS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_part_of_days IF NOT EXISTS FOR ()-[r:PART_OF]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_collusion_days IF NOT EXISTS FOR ()-[r:COLLUSION]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_supports_days IF NOT EXISTS FOR ()-[r:SUPPORTS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_funds_days IF NOT EXISTS FOR ()-[r:FUNDS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_assists_days IF NOT EXISTS FOR ()-[r:ASSISTS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_cooperates_with_days IF NOT EXISTS FOR ()-[r:COOPERATES_WITH]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_rivalry_days IF NOT EXISTS FOR ()-[r:RIVALRY]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_operates_in_days IF NOT EXISTS FOR ()-[r:OPERATES_IN]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_traffics_through_days IF NOT EXISTS FOR ()-[r:TRAFFICS_THROUGH]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_combats_days IF NOT EXISTS FOR ()-[r:COMBATS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_attacks_days IF NOT EXISTS FOR ()-[r:ATTACKS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_threatens_days IF NOT EXISTS FOR ()-[r:THREATENS]-() ON (r.fromDay, r.toDay);
CREATE INDEX rel_designated_by_days IF NOT EXISTS FOR ()-[r:DESIGNATED_BY]-() ON (r.fromDay, r.toDay);

// Actor search and filters
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases];
CREATE INDEX actor_kind IF NOT EXISTS FOR (n:Actor) ON (n.kind);
CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country);
CREATE INDEX actor_name_key IF NOT EXISTS FOR (n:Actor) ON (n.nameKey);
CREATE INDEX actor_active_days IF NOT EXISTS FOR (n:Actor) ON (n.activeFromDay, n.activeToDay);

// Interval filters on events and capacity ratings
CREATE INDEX event_days IF NOT EXISTS FOR (n:Event) ON (n.fromDay, n.toDay);
CREATE INDEX capacity_assessment_days IF NOT EXISTS FOR (n:CapacityAssessment) ON (n.fromDay, n.toDay);

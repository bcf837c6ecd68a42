/**
 * The editor's GraphQL calls: who the token says the caller is, a record's history, and the edit
 * mutations (each needs an editor token; the API validates and answers with its audit entry).
 */
import type { GraphqlClient } from './client.js';

export interface EvidenceVars {
  source: string;
  quote: string;
  location?: string | null;
  confidence: string;
}

export interface ClaimVars extends EvidenceVars {
  from?: string | null;
  to?: string | null;
}

export interface AuditRecordView {
  section: string;
  id: string;
  before: string | null;
  after: string | null;
  retired: { by: string; reason: string; mergedInto: string | null } | null;
}

export interface AuditEntryView {
  id: string;
  at: string;
  by: string;
  operation: string;
  summary: string;
  reason: string | null;
  evidence: { confidence: string; citation: { quote: string; location: string | null; source: { id: string; title: string } } } | null;
  imported?: { files: string[]; added: number; updated: number; unchanged: number; skipped: number } | null;
  records: AuditRecordView[];
}

export interface Caller {
  name: string | null;
  role: string | null;
}

const ENTRY = 'id at by operation summary reason evidence { confidence citation { quote location source { id title } } } imported { files added updated unchanged skipped } records { section id before after retired { by reason mergedInto } }';
const RESULT = `change { ${ENTRY} }`;

export class EditApi {
  constructor(private readonly gql: GraphqlClient) {}

  async me(): Promise<Caller> {
    return (await this.gql<{ me: Caller }>('query Me { me { name role } }')).me;
  }

  async sources(): Promise<Array<{ id: string; title: string }>> {
    return (await this.gql<{ sources: Array<{ id: string; title: string }> }>('query SourceIds { sources { id title } }')).sources;
  }

  async history(recordId: string): Promise<AuditEntryView[]> {
    return (await this.gql<{ history: AuditEntryView[] }>(`query History($id: ID!) { history(recordId: $id) { ${ENTRY} } }`, { id: recordId })).history;
  }

  private async change(name: string, query: string, variables: Record<string, unknown>): Promise<AuditEntryView> {
    const data = await this.gql<Record<string, { change: AuditEntryView }>>(query, variables);
    return (data[name] as { change: AuditEntryView }).change;
  }

  updateActor(id: string, changes: Record<string, unknown>, evidence: EvidenceVars): Promise<AuditEntryView> {
    return this.change('updateActor', `mutation UpdateActor($id: ID!, $changes: ActorChangesInput!, $evidence: EvidenceInput!) { updateActor(id: $id, changes: $changes, evidence: $evidence) { ${RESULT} } }`, { id, changes, evidence });
  }

  createRelationship(input: Record<string, unknown>, claim: ClaimVars): Promise<AuditEntryView> {
    return this.change('createRelationship', `mutation CreateRelationship($input: RelationshipInput!, $claim: ClaimInput!) { createRelationship(input: $input, claim: $claim) { ${RESULT} } }`, { input, claim });
  }

  addCitation(relationshipId: string, claim: ClaimVars): Promise<AuditEntryView> {
    return this.change('addCitation', `mutation AddCitation($id: ID!, $claim: ClaimInput!) { addCitation(relationshipId: $id, claim: $claim) { ${RESULT} } }`, { id: relationshipId, claim });
  }

  retire(kind: 'actor' | 'relationship', id: string, reason: string, evidence: EvidenceVars): Promise<AuditEntryView> {
    const name = kind === 'actor' ? 'retireActor' : 'retireRelationship';
    return this.change(name, `mutation Retire($id: ID!, $reason: String!, $evidence: EvidenceInput!) { ${name}(id: $id, reason: $reason, evidence: $evidence) { ${RESULT} } }`, { id, reason, evidence });
  }

  mergeActors(survivor: string, merged: string, reason: string, evidence: EvidenceVars): Promise<AuditEntryView> {
    return this.change('mergeActors', `mutation Merge($survivor: ID!, $merged: ID!, $reason: String!, $evidence: EvidenceInput!) { mergeActors(survivor: $survivor, merged: $merged, reason: $reason, evidence: $evidence) { ${RESULT} } }`, { survivor, merged, reason, evidence });
  }
}

/**
 * The editor's form helpers: values → API variables, the field a validation message goes next to,
 * a record's history as rows of what changed, and the token kept for the tab only.
 */
import { describe, expect, it } from 'vitest';
import { changedFields, evidenceOf, fieldFor, historyRows, reasonOf, section } from '../../client/src/model/edit-forms.js';
import { TokenStore } from '../../client/src/state/session.js';
import type { AuditEntryView } from '../../client/src/api/edits.js';

describe('editor form helpers', () => {
  it('turns form values into the API variables, leaving empty fields out', () => {
    const values = { 'claim.source': 'doc', 'claim.quote': ' a quote of words ', 'claim.location': '', 'claim.confidence': 'STATED', 'claim.from': '1999', 'input.type': 'ALLIANCE', 'input.target': 'taliban' };
    expect(evidenceOf(values, 'claim')).toEqual({ source: 'doc', quote: 'a quote of words', confidence: 'STATED', from: '1999' });
    expect(section(values, 'input')).toEqual({ type: 'ALLIANCE', target: 'taliban' });
  });

  it('puts a message next to the field it names, or the nearest field it lies under', () => {
    const names = ['changes.name', 'evidence.source', 'evidence.quote', 'evidence'];
    expect(fieldFor('evidence.quote', names)).toBe('evidence.quote');
    expect(fieldFor('evidence.newSource.authors', names)).toBe('evidence');
    expect(fieldFor('changes', names)).toBeNull();
    expect(fieldFor(undefined, names)).toBeNull();
    expect(reasonOf('evidence.quote: a quote must be a real sentence fragment', 'evidence.quote')).toBe('a quote must be a real sentence fragment');
  });

  it('says which fields an entry changed, and who made it when', () => {
    expect(changedFields(null, '{"id":"x"}')).toEqual(['created']);
    expect(changedFields('{"id":"x","description":"","citations":[1]}', '{"id":"x","description":"New.","citations":[1,2]}')).toEqual(['description: “” → “New.”', 'citations: 1 → 2']);
    const entry: AuditEntryView = {
      id: 'e1', at: '2026-12-02T10:00:00.123Z', by: 'alice', operation: 'RETIRE_RELATIONSHIP', summary: 'retired relationship "r"', reason: 'misread',
      evidence: { confidence: 'STATED', citation: { quote: 'a quote of words', location: 'p. 3', source: { id: 'doc', title: 'The document' } } },
      records: [{ section: 'relationships', id: 'r', before: '{}', after: '{}', retired: { by: 'alice', reason: 'misread', mergedInto: null } }],
    };
    expect(historyRows([entry], 'r')).toEqual([{ when: '2026-12-02 10:00:00 UTC', who: 'alice', what: 'retired relationship "r"', changes: ['retired: misread'], evidence: 'stated: “a quote of words” — The document (p. 3)' }]);
  });

  it('shows an import in a record\'s history by its file (an import carries no single citation)', () => {
    const entry: AuditEntryView = {
      id: 'e2', at: '2026-12-02T11:00:00.000Z', by: 'erin', operation: 'IMPORT', summary: 'imported mmp-sample.csv: 11 added, 0 updated, 0 unchanged, 1 skipped', reason: null,
      evidence: null, imported: { files: ['mmp-sample.csv'], added: 11, updated: 0, unchanged: 0, skipped: 1 }, records: [],
    };
    expect(historyRows([entry], 'mmp-901')).toEqual([{ when: '2026-12-02 11:00:00 UTC', who: 'erin', what: entry.summary, changes: [], evidence: 'imported from mmp-sample.csv' }]);
  });

  it('keeps the token in the given storage and sends it as a Bearer header', () => {
    const map = new Map<string, string>();
    const tokens = new TokenStore({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) });
    expect(tokens.headers()).toEqual({});
    tokens.set(' nxt_abc ');
    expect(tokens.headers()).toEqual({ Authorization: 'Bearer nxt_abc' });
    tokens.clear();
    expect(tokens.get()).toBeNull();
  });
});

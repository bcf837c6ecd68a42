/**
 * The import form's model: the format a chosen file is guessed to be, and the summary line of a
 * dry run and of an applied import.
 */
import { describe, expect, it } from 'vitest';
import { guessFormat, reportLines, reportSummary } from '../../client/src/model/import-report.js';
import type { ImportReport } from '../../client/src/api/imports.js';

const report = (over: Partial<ImportReport>): ImportReport => ({
  dryRun: true, format: 'mmp', counts: { add: 11, update: 0, unchanged: 0, skip: 1 }, written: 0, review: [], problems: [],
  rows: [{ where: 'x.csv line 2', action: 'skip', record: 'actor "a"', why: 'edited since (audit entry e1, alice, 2026-01-01T00:00:00Z)' }],
  ...over,
});

describe('import form model', () => {
  it('guesses the format from the name and the first line', () => {
    expect(guessFormat('mmp-sample.csv', 'unique_id,type,group1_id,group2_id,date,description')).toBe('mmp');
    expect(guessFormat('actors.csv', 'id,name,kind,aliases')).toBe('csv');
    expect(guessFormat('entities.ftm.jsonl', '{"id":"x","schema":"Organization","properties":{}}')).toBe('ftm');
    expect(guessFormat('export.txt', '{"id":"x","schema":"Person","properties":{}}')).toBe('ftm');
    expect(guessFormat('seed.json', '{')).toBe('json');
  });

  it('says what a dry run would do and what an import did, row by row', () => {
    expect(reportSummary(report({}))).toBe('Dry run: 11 to add, 0 to update, 0 unchanged, 1 skipped. Nothing was written.');
    expect(reportSummary(report({ dryRun: false, written: 11 }))).toBe('Imported: 11 record(s) written (11 added, 0 updated, 0 unchanged, 1 skipped).');
    expect(reportLines(report({}))).toEqual([{ where: 'x.csv line 2', outcome: 'skipped', record: 'actor "a"', why: 'edited since (audit entry e1, alice, 2026-01-01T00:00:00Z)' }]);
  });
});

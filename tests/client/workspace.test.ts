import { describe, expect, it } from 'vitest';
import { backTo, decodeSteps, describeStep, encodeSteps, push, redo, replay, undo, type History, type WorkspaceStep } from '../../client/src/model/workspace.js';

const NEIGHBOURS: Record<string, string[]> = { imu: ['imu', 'taliban', 'al-qaeda', 'drugs'], taliban: ['taliban', 'imu', 'al-qaeda', 'pakistan'] };
const answer = (s: Extract<WorkspaceStep, { op: 'expand' }>) => NEIGHBOURS[s.id] ?? [];
const expand = (id: string, types: string[] = []): WorkspaceStep => ({ op: 'expand', id, types, minConfidence: null, years: null });

describe('workspace steps', () => {
  it('grow from a seed by expansions, and hide drops one actor', () => {
    const steps: WorkspaceStep[] = [{ op: 'seed', ids: ['imu'] }, expand('imu'), expand('taliban'), { op: 'hide', id: 'drugs' }];
    expect([...replay(steps.slice(0, 1), answer).actors]).toEqual(['imu']);
    expect([...replay(steps.slice(0, 2), answer).actors].sort()).toEqual(['al-qaeda', 'drugs', 'imu', 'taliban']);
    expect([...replay(steps, answer).actors].sort()).toEqual(['al-qaeda', 'imu', 'pakistan', 'taliban']);
  });

  it('collapse removes what only that actor’s expansions brought, never a seed', () => {
    const steps: WorkspaceStep[] = [{ op: 'seed', ids: ['imu', 'al-qaeda'] }, expand('imu'), expand('taliban'), { op: 'collapse', id: 'imu' }];
    // drugs came only from the IMU; taliban was brought by the IMU but is itself expanded (stays as the expansion's centre); al-qaeda is a seed
    expect([...replay(steps, answer).actors].sort()).toEqual(['al-qaeda', 'imu', 'pakistan', 'taliban']);
    const onlyImu: WorkspaceStep[] = [{ op: 'seed', ids: ['imu'] }, expand('imu'), { op: 'collapse', id: 'imu' }];
    expect([...replay(onlyImu, answer).actors]).toEqual(['imu']);
  });

  it('an expansion not fetched yet adds only its centre', () => {
    expect([...replay([{ op: 'seed', ids: ['x'] }, expand('imu')], () => null).actors]).toEqual(['x', 'imu']);
  });

  it('round-trip through the link, and malformed steps are named and left out', () => {
    const steps: WorkspaceStep[] = [
      { op: 'seed', ids: ['imu', 'a12'] },
      { op: 'expand', id: 'imu', types: ['ALLIANCE', 'LEADS'], minConfidence: 'REPORTED', years: { from: 1997, to: 2001 } },
      expand('taliban'),
      { op: 'hide', id: 'a12' },
      { op: 'collapse', id: 'imu' },
    ];
    const text = encodeSteps(steps);
    expect(decodeSteps(text)).toEqual({ steps, problems: [] });
    const bad = decodeSteps('s!imu~e!imu!!SURE!~x!y~e!imu!!!19-2001');
    expect(bad.steps).toEqual([{ op: 'seed', ids: ['imu'] }]);
    expect(bad.problems).toHaveLength(3);
    expect(bad.problems[0]).toContain('“e!imu!!SURE!” is not an expansion');
  });

  it('undo, redo and a breadcrumb jump keep every step recoverable; a new step clears redo', () => {
    let h: History = { steps: [], redo: [] };
    h = push(h, { op: 'seed', ids: ['imu'] });
    h = push(h, expand('imu'));
    h = push(h, expand('taliban'));
    h = undo(h);
    expect(h.steps).toHaveLength(2);
    expect(h.redo).toEqual([expand('taliban')]);
    h = redo(h);
    expect(h.steps).toHaveLength(3);
    h = backTo(h, 1);
    expect(h.steps).toEqual([{ op: 'seed', ids: ['imu'] }]);
    expect(h.redo).toHaveLength(2);
    h = push(h, { op: 'hide', id: 'imu' });
    expect(h.redo).toEqual([]);
  });

  it('describe themselves for the breadcrumb', () => {
    const name = (id: string) => id.toUpperCase();
    expect(describeStep({ op: 'expand', id: 'imu', types: ['ALLIANCE'], minConfidence: 'STATED', years: { from: 1999, to: 1999 } }, name, (t) => t)).toBe('Expand IMU (alliance; ≥ stated; 1999)');
    expect(describeStep({ op: 'seed', ids: ['imu', 'iju'] }, name, (t) => t)).toBe('Start: IMU, IJU');
  });
});

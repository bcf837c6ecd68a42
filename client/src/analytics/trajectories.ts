/**
 * A group's stage trajectories (the analytics panel's fourth tab): one row per counterpart, its
 * continuum-stage periods as coloured bars on the time bar's years (as the pair's stage history
 * draws them), and its lineage links (splinter, successor, member, part) as marks.
 */
import type { TrajectoryRow } from '../api/analytics.js';
import { STAGE_COLOURS } from '../model/colours.js';
import { h } from '../ui/dom.js';

const STAGE_ORDER: Record<string, number> = { NO_RELATIONSHIP: 0, OPERATIONAL: 1, ALLIANCE: 2, CONVERGENCE: 3 };
const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

export function trajectoryRows(actorName: string, rows: readonly TrajectoryRow[], years: { from: number; to: number }, select: (sel: string) => void): HTMLElement {
  const span = Math.max(1, years.to + 1 - years.from);
  const pct = (y: number) => (100 * (Math.min(years.to + 1, Math.max(years.from, y)) - years.from)) / span;
  const list = rows.map((row) => {
    const name = h('button', { type: 'button', class: 'linklike', title: row.counterpart.name }, row.counterpart.name);
    name.addEventListener('click', () => select(`a:${row.counterpart.id}`));
    const bars = row.periods.map((p) =>
      h('div', {
        class: 'stage-period',
        'data-stage': p.stage,
        'data-from': p.fromYear,
        'data-to': p.toYear,
        // two stages asserted at once share the track: the weaker above, the stronger below
        style: `left:${pct(p.fromYear)}%;width:${Math.max(1.5, pct(p.toYear + 1) - pct(p.fromYear))}%;background:${STAGE_COLOURS[STAGE_ORDER[p.stage] ?? 0]}${p.overlaps.length ? `;height:50%;top:${p.overlaps.every((o) => (STAGE_ORDER[o] ?? 0) > (STAGE_ORDER[p.stage] ?? 0)) ? 0 : 50}%` : ''}`,
        title: `${label(p.stage)} ${p.fromYear}–${p.toYear}${p.overlaps.length ? ` (overlaps ${p.overlaps.map(label).join(', ').toLowerCase()})` : ''}`,
      }),
    );
    const marks = row.others.map((r) => {
      const mark = h('button', { type: 'button', class: 'lineage-mark', 'data-type': r.typeLabel, style: `left:${pct(r.validity.fromYear ?? years.from)}%`, title: `${r.typeLabel} from ${r.validity.fromYear ?? '?'}` }, '◆');
      mark.addEventListener('click', () => select(`r:${r.id}`));
      return mark;
    });
    return h('div', { class: 'stage-row trajectory', 'data-id': row.counterpart.id }, name, h('div', { class: 'stage-track' }, ...bars, ...marks));
  });
  return h(
    'div',
    { id: 'trajectories' },
    h('p', { class: 'muted' }, `${actorName}'s stage with each counterpart, ${years.from}–${years.to} (bars: continuum stages; ◆ splinter, successor, member or part of).`),
    ...list,
  );
}

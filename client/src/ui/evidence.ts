/**
 * Evidence blocks for the details panel: a relationship's claims (each document's quote with its
 * own grade and dating), an actor's lifespan readings, a chronology of dated claims, and a pair's
 * stage history with overlapping stages shown as such.
 */
import type { Claim, DatingBasis, Dyad, LifespanBound, Validity } from '../api/types.js';
import type { ChronologyEntry } from '../model/chronology.js';
import { stageColour } from '../model/colours.js';
import { citationBlock, h } from './dom.js';

const BASIS_WORDS: Record<DatingBasis, string> = {
  STATED: 'stated in the quote',
  PASSAGE: 'dated by the passage',
  LIFESPAN: 'bounded by the actors’ lifespans',
  ATTESTED: 'attested by the documents’ dated evidence',
  SOURCE_PERIOD: 'as reported in the documents’ period',
};

export function basisWords(basis: DatingBasis | null): string {
  return basis ? BASIS_WORDS[basis] : 'undated';
}

/** "1998–2014 (start stated in the quote; end bounded by the actors' lifespans)". */
export function validityWords(v: Validity): string {
  if (v.fromBasis === v.toBasis) return `${v.label} (${basisWords(v.fromBasis)})`;
  return `${v.label} (start ${basisWords(v.fromBasis)}; end ${basisWords(v.toBasis)})`;
}

export function lifespanEnd(b: LifespanBound, side: 'start' | 'end'): HTMLElement {
  const when = b.uncertain && b.earliest !== b.latest ? `${b.earliest} or ${b.latest} (contested)` : b.date;
  return h(
    'div',
    { class: 'lifespan-end', 'data-side': side, 'data-basis': b.basis },
    h('span', {}, `${side === 'start' ? 'From' : 'Until'} ${when}`),
    h('span', { class: 'muted small' }, ` — ${basisWords(b.basis)}`),
    b.readings.length
      ? h(
          'ul',
          { class: 'readings' },
          b.readings.map((r) => h('li', { class: 'small' }, `${r.event.toLowerCase().replace(/_/g, ' ')} ${r.latest ? `${r.date}–${r.latest}` : r.date}: `, citationBlock(r.citation), r.datedBy ? h('div', { class: 'muted small' }, `dated by: “${r.datedBy.quote}”`) : null)),
        )
      : null,
  );
}

/** The claims as a list; `id` null for a list that is not the details panel's. */
export function claimList(claims: readonly Claim[], id: string | null = 'details-claims'): HTMLElement {
  return h(
    'ol',
    { class: 'claims', id: id ?? undefined },
    claims.map((c) => {
      const when = c.interval.from || c.interval.to ? c.interval.label : 'no date of its own';
      const basis = c.fromBasis ?? c.toBasis;
      return h(
        'li',
        { class: 'claim', 'data-source': c.citation.source.id },
        h('div', { class: 'small' }, h('span', { class: `badge ${c.confidence}` }, c.confidence.toLowerCase()), ` ${when}`, basis ? h('span', { class: 'muted' }, ` (${basisWords(basis)})`) : null),
        citationBlock(c.citation),
        c.datedBy ? h('div', { class: 'muted small' }, 'dated by: ', h('q', {}, c.datedBy.quote)) : null,
      );
    }),
  );
}

export function chronologyList(entries: readonly ChronologyEntry[], select: (sel: string) => void): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'muted small' }, 'No dated claims.');
  return h(
    'ol',
    { class: 'chronology', id: 'details-chronology' },
    entries.map((e) => {
      const btn = h('button', { type: 'button', class: 'linklike' }, e.what);
      btn.addEventListener('click', () => select(`r:${e.relationshipId}`));
      return h(
        'li',
        { 'data-rel': e.relationshipId, 'data-when': e.sortKey },
        h('strong', { class: 'when' }, e.when),
        ' ',
        btn,
        h('span', { class: `badge ${e.confidence}` }, e.confidence.toLowerCase()),
        h('blockquote', { class: 'quote small' }, `“${e.quote}”`, h('span', { class: 'muted' }, ` — ${e.document}${e.location ? `, ${e.location}` : ''}`)),
        e.datedBy ? h('div', { class: 'muted small' }, 'dated by: ', h('q', {}, e.datedBy)) : null,
      );
    }),
  );
}

/** The pair's stage history: one row per stage, its periods as bars on a shared scale; overlaps stay visible. */
export function stageHistory(d: Dyad, span: { min: number; max: number }, stageOrder: (s: string) => number, stageLabel: (s: string) => string): HTMLElement | null {
  if (d.periods.length === 0) return null;
  const lo = Math.min(span.min, ...d.periods.map((p) => p.fromYear));
  const hi = Math.max(span.max, ...d.periods.map((p) => p.toYear));
  const pct = (y: number) => ((y - lo) / (hi - lo + 1)) * 100;
  const stages = [...new Set(d.periods.map((p) => p.stage))].sort((a, b) => stageOrder(a) - stageOrder(b));
  const text = (p: Dyad['periods'][number]) => `${p.fromYear}–${p.toYear}: ${stageLabel(p.stage)}${p.overlaps.length ? ` (overlaps ${p.overlaps.map(stageLabel).join(', ').toLowerCase()})` : ''}`;
  return h(
    'div',
    { class: 'stage-history' },
    h('h4', {}, 'Stage history of the pair'),
    h(
      'div',
      { class: 'stage-rows', role: 'img', 'aria-label': `Stage history, ${lo}–${hi}: ${d.periods.map(text).join('; ')}` },
      stages.map((stage) =>
        h(
          'div',
          { class: 'stage-row', 'data-stage': stage },
          h('span', { class: 'stage-name small' }, stageLabel(stage)),
          h(
            'div',
            { class: 'stage-track' },
            d.periods
              .filter((p) => p.stage === stage)
              .map((p) => h('div', { class: 'stage-period', 'data-from': p.fromYear, 'data-to': p.toYear, style: `left:${pct(p.fromYear)}%;width:${Math.max(1.5, pct(p.toYear + 1) - pct(p.fromYear))}%;background:${stageColour(stageOrder(p.stage))}`, title: text(p) })),
          ),
        ),
      ),
    ),
    h('div', { class: 'stage-ends', 'aria-hidden': 'true' }, h('span', {}, String(lo)), h('span', {}, String(hi))),
    h('ul', { class: 'stage-periods' }, d.periods.map((p) => h('li', { 'data-stage': p.stage }, h('span', { class: 'swatch', style: `background:${stageColour(stageOrder(p.stage))}`, 'aria-hidden': 'true' }), text(p)))),
  );
}

import { describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../client/src/model/elements.js';
import { countriesOf, egoNodes, EMPTY_FILTERS, intervalOverlaps, visibleSubgraph, yearSpan } from '../../client/src/model/visibility.js';
import { network, vocabulary } from './fixtures.js';

const model = buildGraphModel(network(), vocabulary.relationshipTypes);
const sorted = (s: Set<string>) => [...s].sort();

describe('time filtering', () => {
  it('treats open interval ends as unbounded and bounds as inclusive', () => {
    expect(intervalOverlaps(null, null, { kind: 'year', year: 1900 })).toBe(true);
    expect(intervalOverlaps(1999, null, { kind: 'year', year: 1999 })).toBe(true);
    expect(intervalOverlaps(1999, null, { kind: 'year', year: 1998 })).toBe(false);
    expect(intervalOverlaps(null, 2001, { kind: 'year', year: 2001 })).toBe(true);
    expect(intervalOverlaps(null, 2001, { kind: 'year', year: 2002 })).toBe(false);
    expect(intervalOverlaps(2002, 2004, { kind: 'window', from: 2004, to: 2010 })).toBe(true);
    expect(intervalOverlaps(2002, 2004, { kind: 'window', from: 2005, to: 2010 })).toBe(false);
    expect(intervalOverlaps(2002, 2004, { kind: 'all' })).toBe(true);
  });

  it('shows at year Y only the relationships valid at Y and their endpoints', () => {
    const v1999 = visibleSubgraph(model, { kind: 'year', year: 1999 });
    expect(sorted(v1999.edges)).toEqual(['r-ab', 'r-ar1', 'r-bc', 'r-de', 'r-fa']);
    expect(sorted(v1999.nodes)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'r1']);
    const v2004 = visibleSubgraph(model, { kind: 'year', year: 2004 });
    expect(sorted(v2004.edges)).toEqual(['r-ab2', 'r-bc', 'r-de', 'r-sa']);
    expect(v2004.nodes.has('f')).toBe(false);
    const v1990 = visibleSubgraph(model, { kind: 'year', year: 1990 });
    expect(sorted(v1990.edges)).toEqual(['r-de']);
    expect(sorted(v1990.nodes)).toEqual(['d', 'e']);
  });

  it('a window shows everything valid at some point inside it', () => {
    const v = visibleSubgraph(model, { kind: 'window', from: 2003, to: 2005 });
    expect(sorted(v.edges)).toEqual(['r-ab2', 'r-ac', 'r-bc', 'r-cd', 'r-de', 'r-sa']);
  });
});

describe('filters and focus', () => {
  const all = { kind: 'all' } as const;
  it('filters by type, minimum confidence, kind (both ends) and country (either end)', () => {
    expect(sorted(visibleSubgraph(model, all, { ...EMPTY_FILTERS, types: ['ALLIANCE'] }).edges)).toEqual(['r-ab2', 'r-ac', 'r-bc']);
    expect(sorted(visibleSubgraph(model, all, { ...EMPTY_FILTERS, minConfidence: 'REPORTED' }).edges)).toEqual(['r-ab', 'r-ar1', 'r-bc', 'r-cd', 'r-fa', 'r-sa']);
    expect(sorted(visibleSubgraph(model, all, { ...EMPTY_FILTERS, kinds: ['TERRORIST_GROUP'] }).edges)).toEqual(['r-ac', 'r-cd']);
    expect(sorted(visibleSubgraph(model, all, { ...EMPTY_FILTERS, countries: ['Sierra'] }).edges)).toEqual(['r-sa']);
  });

  it('"dated links only" drops relationships with neither a known start nor end', () => {
    // r-de is the one undated relationship: valid at every year, so shown even in 1990
    const dated = { ...EMPTY_FILTERS, datedOnly: true };
    expect(model.edges.find((e) => e.data.id === 'r-de')?.data.dated).toBe(false);
    expect(sorted(visibleSubgraph(model, { kind: 'year', year: 1999 }, dated).edges)).toEqual(['r-ab', 'r-ar1', 'r-bc', 'r-fa']);
    expect(sorted(visibleSubgraph(model, { kind: 'year', year: 1990 }, dated).nodes)).toEqual([]);
    // open-ended relationships (known start, no end) are dated
    expect(visibleSubgraph(model, { kind: 'year', year: 2010 }, dated).edges).toEqual(new Set(['r-bc', 'r-ac']));
    expect(sorted(visibleSubgraph(model, all, dated).edges)).toEqual(sorted(visibleSubgraph(model, all).edges).filter((id) => id !== 'r-de'));
    // with a focus, the ego network is built from dated links only
    expect(sorted(visibleSubgraph(model, { kind: 'year', year: 1999 }, dated, { id: 'e', depth: 2 }).nodes)).toEqual(['e']);
  });

  it('focuses on an ego network of depth 1–3', () => {
    expect(sorted(egoNodes(model.edges.map((e) => e.data), 'e', 1))).toEqual(['d', 'e']);
    expect(sorted(egoNodes(model.edges.map((e) => e.data), 'e', 2))).toEqual(['c', 'd', 'e']);
    const v = visibleSubgraph(model, { kind: 'year', year: 2004 }, EMPTY_FILTERS, { id: 's', depth: 1 });
    expect(sorted(v.nodes)).toEqual(['a', 's']);
    expect(sorted(v.edges)).toEqual(['r-sa']);
    const lone = visibleSubgraph(model, { kind: 'year', year: 1990 }, EMPTY_FILTERS, { id: 's', depth: 2 });
    expect(sorted(lone.nodes)).toEqual(['s']);
  });

  it('knows the years and countries spanned', () => {
    expect(yearSpan(model)).toEqual({ min: 1990, max: 2015 }); // undated ends are bounded by the documents' period
    expect(countriesOf(model)).toEqual(['Afghanistan', 'Kyrgyzstan', 'Sierra', 'Tajikistan', 'Uzbekistan']);
  });
});

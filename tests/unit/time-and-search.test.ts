/** Date-point semantics and name folding, the two rules every store must share. */
import { describe, expect, it } from 'vitest';
import { datePointEnd, datePointStart, dayToIso, intervalRange, validDuring, yearRange } from '../../server/domain/time.js';
import { foldName, searchKeysOf, searchQuery, searchRank } from '../../server/domain/search.js';

describe('time', () => {
  it('a date point covers its whole year, month or day', () => {
    expect(dayToIso(datePointStart('1999'))).toBe('1999-01-01');
    expect(dayToIso(datePointEnd('1999'))).toBe('1999-12-31');
    expect(dayToIso(datePointEnd('2000-02'))).toBe('2000-02-29');
    expect(dayToIso(datePointEnd('2001-11-09'))).toBe('2001-11-09');
  });

  it('open ends are unbounded; an ended relationship is not valid later', () => {
    expect(intervalRange({ from: null, to: null })).toEqual({ start: -Infinity, end: Infinity });
    expect(validDuring({ from: '1998', to: '2001' }, yearRange(2001))).toBe(true);
    expect(validDuring({ from: '1998', to: '2001' }, yearRange(2002))).toBe(false);
    expect(validDuring({ from: '2005', to: null }, yearRange(2030))).toBe(true);
    expect(validDuring({ from: '2005', to: null }, yearRange(1990, 2004))).toBe(false);
    expect(validDuring({ from: '2005', to: null }, yearRange(1990, 2005))).toBe(true);
  });
});

describe('name folding', () => {
  it('meets transliterations, case and diacritics', () => {
    expect(foldName('Namanganiy')).toBe(foldName('Namangani'));
    expect(foldName('Bakiyev')).toBe(foldName('Bakiev'));
    expect(foldName('Khujand')).toBe(foldName('Hojand'));
    expect(foldName('Al-Qaida')).toBe(foldName('al Qaeda'));
    expect(foldName('Çeşme')).toBe(foldName('cesme'));
    expect(foldName('Hizb ut-Tahrir')).toBe(foldName('HIZB-UT-TAHRIR'));
  });

  it('ranks strict matches before loose ones, and keeps short loose queries from matching everything', () => {
    const keys = searchKeysOf({ name: 'Tohir Yoldash', aliases: ['Yuldashev'] });
    const rank = (q: string) => searchRank(keys, searchQuery(q));
    expect(rank('Yuldashev')).toBe(0); // plain exact
    expect(rank('yoldashev')).toBe(1); // folded exact
    expect(rank('Tohir')).toBe(2); // plain prefix
    expect(rank('yuldash')).toBe(2);
    expect(rank('dashev')).toBe(4); // plain substring
    expect(rank('yuldosh')).toBe(6); // consonant skeleton
    expect(rank('Namangani')).toBeNull();
    const osh = searchKeysOf({ name: 'Osh', aliases: [] });
    const us = searchKeysOf({ name: 'United States', aliases: ['U.S. Department of State'] });
    expect(searchRank(osh, searchQuery('osh'))).toBe(0);
    const usAbbrev = searchKeysOf({ name: 'United States', aliases: ['US'] });
    expect(searchRank(us, searchQuery('osh'))).toBeNull(); // "osh" folds to "us": too short to fold
    expect(searchRank(usAbbrev, searchQuery('osh'))).toBeNull();
    const namangani = searchKeysOf({ name: 'Juma Namangani', aliases: ['Jumaboi'] });
    expect(searchRank(namangani, searchQuery('Namangoniy'))).toBe(6);
    expect(searchRank(namangani, searchQuery('jumabai'))).toBe(6);
  });
});

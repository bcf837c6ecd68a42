/** Date-point semantics and name folding, the two rules every store must share. */
import { describe, expect, it } from 'vitest';
import { datePointEnd, datePointStart, dayToIso, intervalRange, validDuring, validityOf, yearRange } from '../../server/domain/time.js';
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

describe('validity', () => {
  it('bounds unknown ends by the actors\' lifetimes and never changes explicit dates', () => {
    expect(validityOf({ from: null, to: '2014' }, { from: '2001', to: '2014' }, null)).toEqual({ from: '2001', to: '2014' });
    expect(validityOf({ from: '1990', to: null }, { from: '2001', to: '2014' }, { from: null, to: '2009-08' })).toEqual({ from: '1990', to: '2009-08' });
    expect(validityOf({ from: null, to: null }, null, null)).toEqual({ from: null, to: null });
  });

  it('drops a derived bound that would end the validity before it starts', () => {
    // the Taliban (from 1996) as successor of the mujahideen (1979–1989): no end is derived
    expect(validityOf({ from: null, to: null }, { from: '1996', to: null }, { from: '1979', to: '1989' })).toEqual({ from: '1996', to: null });
    // an explicit start after the predecessor ended keeps the start
    expect(validityOf({ from: '1998', to: null }, null, { from: '1991', to: '1992-03' })).toEqual({ from: '1998', to: null });
    // an explicit end before the actors' derived start drops the derived start
    expect(validityOf({ from: null, to: '1990' }, { from: '1996', to: null }, null)).toEqual({ from: null, to: '1990' });
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

/** Date-point semantics and name folding, the two rules every store must share. */
import { describe, expect, it } from 'vitest';
import { datePointEnd, datePointStart, dayToIso, intervalRange, validDuring, yearRange } from '../../server/domain/time.js';
import { foldName, searchRank, searchKeys } from '../../server/domain/search.js';

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

  it('ranks exact, prefix and substring matches', () => {
    const keys = searchKeys({ name: 'Tohir Yoldash', aliases: ['Yuldashev'] });
    expect(searchRank(keys, foldName('yuldashev'))).toBe(0);
    expect(searchRank(keys, foldName('Tohir'))).toBe(1);
    expect(searchRank(keys, foldName('yoldash'))).toBe(1);
    expect(searchRank(keys, foldName('dashev'))).toBe(2);
    expect(searchRank(keys, foldName('Namangani'))).toBeNull();
  });
});

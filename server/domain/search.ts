/**
 * Name folding for actor search: case-, diacritic- and transliteration-insensitive keys, so
 * "Yuldashev", "Yoldash" and "yoldosh" all meet, and "Namanganiy" finds "Namangani".
 * Both stores compare folded keys with the same rules.
 */

type Replacement = string | ((match: string) => string);

const TRANSLITERATIONS: ReadonlyArray<[RegExp, Replacement]> = [
  [/dzh|dj/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/sh|sch/g, 's'],
  [/ch/g, 'c'],
  [/ts/g, 'c'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/y[aeiouy]/g, (m) => m.slice(1)],
  [/[yj](?=$|[^aeiou])/g, 'i'],
  [/[ou]/g, 'u'],
  [/[ey]/g, 'i'],
  [/(.)\1+/g, '$1'],
];

/** Lowercase, strip diacritics and punctuation, fold common transliteration variants. */
export function foldName(text: string): string {
  let s = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
  for (const [pattern, replacement] of TRANSLITERATIONS) {
    s = typeof replacement === 'string' ? s.replace(pattern, replacement) : s.replace(pattern, replacement);
  }
  return s;
}

/** The folded keys an actor is found by: its name and every alias. */
export function searchKeys(actor: { name: string; aliases: readonly string[] }): string[] {
  return [...new Set([actor.name, ...actor.aliases].map(foldName).filter((k) => k.length > 0))];
}

/** 0 = exact key, 1 = a key starts with the query, 2 = a key contains it, null = no match. */
export function searchRank(keys: readonly string[], foldedQuery: string): number | null {
  if (foldedQuery.length === 0) return 0;
  if (keys.includes(foldedQuery)) return 0;
  if (keys.some((k) => k.startsWith(foldedQuery))) return 1;
  if (keys.some((k) => k.includes(foldedQuery))) return 2;
  return null;
}

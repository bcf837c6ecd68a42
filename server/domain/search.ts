/**
 * Actor search, the same rules for every store. A name is matched three ways, from strict to
 * loose: its plain form (lowercase, no diacritics or punctuation), its folded form (common
 * transliteration variants merged: "Yuldashev" ~ "Yoldash", "Namanganiy" ~ "Namangani"), and its
 * consonant skeleton (vowels dropped: "Namangoniy" ~ "Namangani"). Looser forms only count for
 * queries long enough not to match everything ("osh" folds to "us").
 *
 * Rank (lower is better): 0 plain exact · 1 folded exact (4+ characters) · 2 plain prefix · 3 folded prefix ·
 * 4 plain substring · 5 folded substring · 6 skeleton substring. null = no match.
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

/** Folded queries shorter than this only match exactly. */
export const MIN_FOLDED_QUERY = 4;
/** Skeleton matching needs a plain query this long and a skeleton of at least 3 consonants. */
export const MIN_SKELETON_QUERY = 5;

/** Lowercase, no diacritics, letters and digits only. */
export function plainName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The plain form with common transliteration variants folded together. */
export function foldName(text: string): string {
  let s = plainName(text);
  for (const [pattern, replacement] of TRANSLITERATIONS) {
    s = typeof replacement === 'string' ? s.replace(pattern, replacement) : s.replace(pattern, replacement);
  }
  return s;
}

/** The folded form without vowels. */
export function skeletonOf(folded: string): string {
  return folded.replace(/[aeiou]/g, '');
}

export interface SearchKeys {
  plain: string[];
  folded: string[];
  skeleton: string[];
}

/** The keys an actor is found by: its name and every alias, in each form. */
export function searchKeysOf(actor: { name: string; aliases: readonly string[] }): SearchKeys {
  const names = [actor.name, ...actor.aliases];
  const uniq = (xs: string[]) => [...new Set(xs.filter((k) => k.length > 0))];
  const folded = uniq(names.map(foldName));
  return { plain: uniq(names.map(plainName)), folded, skeleton: uniq(folded.map(skeletonOf)) };
}

export interface SearchQuery {
  plain: string;
  folded: string;
  skeleton: string;
}

export function searchQuery(raw: string | undefined): SearchQuery {
  const folded = foldName(raw ?? '');
  return { plain: plainName(raw ?? ''), folded, skeleton: skeletonOf(folded) };
}

export function searchRank(keys: SearchKeys, q: SearchQuery): number | null {
  if (q.plain.length === 0) return 0;
  if (keys.plain.includes(q.plain)) return 0;
  const foldedOk = q.folded.length >= MIN_FOLDED_QUERY;
  if (foldedOk && keys.folded.includes(q.folded)) return 1;
  if (keys.plain.some((k) => k.startsWith(q.plain))) return 2;
  if (foldedOk && keys.folded.some((k) => k.startsWith(q.folded))) return 3;
  if (keys.plain.some((k) => k.includes(q.plain))) return 4;
  if (foldedOk && keys.folded.some((k) => k.includes(q.folded))) return 5;
  if (q.plain.length >= MIN_SKELETON_QUERY && q.skeleton.length >= 3 && keys.skeleton.some((k) => k.includes(q.skeleton))) return 6;
  return null;
}

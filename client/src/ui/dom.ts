/**
 * Tiny DOM helpers shared by the panels: element creation with attributes and children,
 * clearing, and a citation block (document + quote in a <details>).
 */
import type { Citation, Vocabulary } from '../api/types.js';

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | ((e: Event) => void) | undefined> = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (key === 'class') el.className = String(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** An SVG element with attributes and children (text or nodes). */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  e.append(...children);
  return e;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el as T;
}

/** One citation: the document as the summary, the quote shown when opened. */
export function citationBlock(c: Citation): HTMLElement {
  const doc = [c.source.title, c.source.authors.join(', '), c.source.year ? String(c.source.year) : null, c.source.publisher].filter(Boolean).join(' · ');
  return h(
    'details',
    { class: 'citation' },
    h('summary', {}, h('span', { class: 'doc' }, c.source.title), c.location ? h('span', { class: 'muted' }, ` (${c.location})`) : null),
    h('blockquote', { class: 'quote' }, `“${c.quote}”`),
    h('div', { class: 'doc-meta muted' }, doc, ' — ', h('code', {}, c.source.file)),
  );
}

export function citationList(citations: readonly Citation[]): HTMLElement {
  if (citations.length === 0) return h('p', { class: 'muted' }, 'No citations.');
  return h('div', { class: 'citations' }, citations.map(citationBlock));
}

export function downloadDataUrl(dataUrl: string, filename: string): void {
  const a = h('a', { href: dataUrl, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
}

export function downloadText(text: string, filename: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadDataUrl(url, filename);
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A minimum-confidence select: "any" first, then the grades surest first ("at least stated", …). */
export function confidenceSelect(id: string, anyLabel: string, grades: Vocabulary['confidenceGrades']): HTMLSelectElement {
  return h(
    'select',
    { id },
    h('option', { value: '' }, anyLabel),
    [...grades].sort((a, b) => b.rank - a.rank).map((c) => h('option', { value: c.grade }, `at least ${c.label.toLowerCase()}`)),
  );
}

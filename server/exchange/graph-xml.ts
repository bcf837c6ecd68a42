/**
 * The view as graph files for network tools: GraphML and GEXF 1.3 (Gephi). Both carry, per actor,
 * its kind, aliases, country, description, lifespan (with how each end is known) and citations, and
 * per relationship its type, label, continuum stage, grade, corroboration, stated interval,
 * validity (with bases), description, stage note and every claim (source, quote, location, grade,
 * dating) as a JSON attribute. The GEXF graph is dynamic: each actor's lifespan and each
 * relationship's validity is a spell, so Gephi's timeline plays the network through time.
 */
import type { Actor, Relationship } from '../domain/derive.js';
import { dayToIso } from '../domain/time.js';
import { RELATIONSHIP_TYPE_INFO } from '../domain/vocabulary.js';
import type { ExportView } from '../services/exports.js';

/** Text safe in XML content and attribute values (characters XML 1.0 cannot hold become U+FFFD). */
export function xmlText(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    // Line ends that some parsers normalise (XML 1.1 rules) survive as character references.
    .replace(/[\u0085\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`);
}

type AttrType = 'string' | 'integer' | 'boolean';
interface Attr<T> {
  id: string;
  type: AttrType;
  value: (x: T) => string | number | boolean | null;
}

export const ACTOR_ATTRS: ReadonlyArray<Attr<Actor>> = [
  { id: 'kind', type: 'string', value: (a) => a.kind },
  { id: 'aliases', type: 'string', value: (a) => a.aliases.join(' | ') },
  { id: 'country', type: 'string', value: (a) => a.country },
  { id: 'description', type: 'string', value: (a) => a.description },
  { id: 'lifespan_from', type: 'string', value: (a) => a.span.from.date },
  { id: 'lifespan_from_basis', type: 'string', value: (a) => a.span.from.basis },
  { id: 'lifespan_to', type: 'string', value: (a) => a.span.to.date },
  { id: 'lifespan_to_basis', type: 'string', value: (a) => a.span.to.basis },
  { id: 'name_collision', type: 'string', value: (a) => a.nameCollision },
  { id: 'citations', type: 'string', value: (a) => JSON.stringify({ citations: a.citations, lifespan: a.lifespan }) },
];

export const RELATIONSHIP_ATTRS: ReadonlyArray<Attr<Relationship>> = [
  { id: 'type', type: 'string', value: (r) => r.type },
  { id: 'type_label', type: 'string', value: (r) => RELATIONSHIP_TYPE_INFO[r.type].label },
  { id: 'stage', type: 'integer', value: (r) => RELATIONSHIP_TYPE_INFO[r.type].stage },
  { id: 'grade', type: 'string', value: (r) => r.confidence },
  { id: 'corroboration', type: 'integer', value: (r) => r.corroboration },
  { id: 'interval_from', type: 'string', value: (r) => r.interval.from },
  { id: 'interval_to', type: 'string', value: (r) => r.interval.to },
  { id: 'valid_from', type: 'string', value: (r) => r.validity.from.date },
  { id: 'valid_from_basis', type: 'string', value: (r) => r.validity.from.basis },
  { id: 'valid_to', type: 'string', value: (r) => r.validity.to.date },
  { id: 'valid_to_basis', type: 'string', value: (r) => r.validity.to.basis },
  { id: 'dated', type: 'boolean', value: (r) => r.dated },
  { id: 'description', type: 'string', value: (r) => r.description },
  { id: 'stage_note', type: 'string', value: (r) => r.stageNote },
  { id: 'claims', type: 'string', value: (r) => JSON.stringify(r.claims) },
];

const directed = (r: Relationship) => RELATIONSHIP_TYPE_INFO[r.type].directed;

export function* graphml(view: ExportView): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield `  <desc>${xmlText(`Nexus Explorer: ${view.description}`)}</desc>\n`;
  yield '  <key id="n_name" for="node" attr.name="name" attr.type="string"/>\n';
  for (const a of ACTOR_ATTRS) yield `  <key id="n_${a.id}" for="node" attr.name="${a.id}" attr.type="${a.type}"/>\n`;
  for (const a of RELATIONSHIP_ATTRS) yield `  <key id="e_${a.id}" for="edge" attr.name="${a.id}" attr.type="${a.type}"/>\n`;
  yield '  <graph id="nexus" edgedefault="directed">\n';
  for (const actor of view.actors) {
    let s = `    <node id="${xmlText(actor.id)}"><data key="n_name">${xmlText(actor.name)}</data>`;
    for (const a of ACTOR_ATTRS) {
      const v = a.value(actor);
      if (v !== null) s += `<data key="n_${a.id}">${xmlText(v)}</data>`;
    }
    yield `${s}</node>\n`;
  }
  for (const rel of view.relationships) {
    let s = `    <edge id="${xmlText(rel.id)}" source="${xmlText(rel.source)}" target="${xmlText(rel.target)}" directed="${directed(rel)}">`;
    for (const a of RELATIONSHIP_ATTRS) {
      const v = a.value(rel);
      if (v !== null) s += `<data key="e_${a.id}">${xmlText(v)}</data>`;
    }
    yield `${s}</edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

function attvalues<T>(attrs: ReadonlyArray<Attr<T>>, x: T): string {
  const values = attrs.flatMap((a) => {
    const v = a.value(x);
    return v === null ? [] : [`<attvalue for="${a.id}" value="${xmlText(v)}"/>`];
  });
  return values.length > 0 ? `<attvalues>${values.join('')}</attvalues>` : '';
}

/** A GEXF label is an xsd:token: no line breaks or tabs, single spaces, none at the ends. */
const token = (s: string) => s.replace(/\s+/g, ' ').trim();

export function* gexf(view: ExportView, today = new Date().toISOString().slice(0, 10)): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield `  <meta lastmodifieddate="${today}"><creator>Nexus Explorer</creator><description>${xmlText(view.description)}</description></meta>\n`;
  yield '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date" timerepresentation="interval">\n';
  yield '    <attributes class="node">\n';
  for (const a of ACTOR_ATTRS) yield `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>\n`;
  yield '    </attributes>\n    <attributes class="edge">\n';
  for (const a of RELATIONSHIP_ATTRS) yield `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>\n`;
  yield '    </attributes>\n    <nodes>\n';
  for (const actor of view.actors) {
    yield `      <node id="${xmlText(actor.id)}" label="${xmlText(token(actor.name))}">${attvalues(ACTOR_ATTRS, actor)}<spells><spell start="${dayToIso(actor.span.from.day)}" end="${dayToIso(actor.span.to.day)}"/></spells></node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const rel of view.relationships) {
    const type = directed(rel) ? 'directed' : 'undirected';
    const stage = RELATIONSHIP_TYPE_INFO[rel.type].stage;
    yield `      <edge id="${xmlText(rel.id)}" source="${xmlText(rel.source)}" target="${xmlText(rel.target)}" type="${type}" kind="${rel.type}" label="${xmlText(RELATIONSHIP_TYPE_INFO[rel.type].label)}" weight="${stage === null ? 1 : stage + 1}">${attvalues(RELATIONSHIP_ATTRS, rel)}<spells><spell start="${dayToIso(rel.validity.from.day)}" end="${dayToIso(rel.validity.to.day)}"/></spells></edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

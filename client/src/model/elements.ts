/**
 * API network data → graph element descriptors: plain objects in Cytoscape's element shape,
 * with no Cytoscape import, so they can be built and tested without a browser.
 */
import type { ActorCore, ActorKind, Confidence, DatingBasis, Network, RelationshipCore, RelationshipType, RelationshipTypeInfo } from '../api/types.js';

/** How well a relationship is dated: both ends stated or passage-dated, one of them, or neither. */
export type Dating = 'dated' | 'partly' | 'undated';

const DATED_BASES: readonly DatingBasis[] = ['STATED', 'PASSAGE'];

export function datingOf(fromBasis: DatingBasis, toBasis: DatingBasis): Dating {
  const n = Number(DATED_BASES.includes(fromBasis)) + Number(DATED_BASES.includes(toBasis));
  return n === 2 ? 'dated' : n === 1 ? 'partly' : 'undated';
}

export interface NodeData {
  id: string;
  label: string;
  kind: ActorKind;
  country: string | null;
  /** The lifespan's years (always bounded: by readings, the attested years or the documents' periods). */
  fromYear: number | null;
  toYear: number | null;
  lifespanLabel: string;
  /** Whether each end of the lifespan is stated or passage-dated (else attested or as reported). */
  lifespanDated: { from: boolean; to: boolean };
  /** Readings of an end disagree (a contested founding). */
  lifespanUncertain: boolean;
  /** Searchable text: name and aliases, lower-cased. */
  search: string;
  /** Relationships touching the actor over all years (drives node size). */
  degree: number;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: RelationshipType;
  label: string;
  /** Continuum order 0..3, or -1 when the type is not a stage (Cytoscape selectors prefer numbers). */
  stage: number;
  confidence: Confidence;
  directed: boolean;
  /** The validity's years (what time filtering uses, like the API's network). */
  fromYear: number | null;
  toYear: number | null;
  /** A stated or passage-dated end (the API's `datedOnly`). */
  dated: boolean;
  /** Both ends dated, one, or neither (bounded only by lifespans or the documents' periods). */
  dating: Dating;
  /** How many documents assert it. */
  corroboration: number;
  intervalLabel: string;
  validityLabel: string;
}

export interface NodeDescriptor {
  group: 'nodes';
  data: NodeData;
  classes?: string;
  position?: { x: number; y: number };
}

export interface EdgeDescriptor {
  group: 'edges';
  data: EdgeData;
  classes?: string;
}

export type ElementDescriptor = NodeDescriptor | EdgeDescriptor;

export interface GraphModel {
  nodes: NodeDescriptor[];
  edges: EdgeDescriptor[];
}

export function nodeFromActor(actor: ActorCore): NodeDescriptor {
  return {
    group: 'nodes',
    data: {
      id: actor.id,
      label: actor.name,
      kind: actor.kind,
      country: actor.country,
      fromYear: actor.active.fromYear,
      toYear: actor.active.toYear,
      lifespanLabel: actor.lifespan.label,
      lifespanDated: { from: DATED_BASES.includes(actor.lifespan.from.basis), to: DATED_BASES.includes(actor.lifespan.to.basis) },
      lifespanUncertain: actor.lifespan.from.uncertain || actor.lifespan.to.uncertain,
      search: [actor.name, ...actor.aliases].join(' | ').toLowerCase(),
      degree: 0,
    },
  };
}

export function edgeFromRelationship(rel: RelationshipCore, stageOrderOf: (type: RelationshipType) => number | null): EdgeDescriptor {
  const stage = stageOrderOf(rel.type);
  const dating = datingOf(rel.validity.fromBasis, rel.validity.toBasis);
  const classes = [rel.directed ? 'directed' : 'undirected', stage === null ? 'other' : 'stage'];
  if (dating === 'undated') classes.push('undated');
  if (dating === 'partly') classes.push('partly-dated');
  return {
    group: 'edges',
    data: {
      id: rel.id,
      source: rel.source.id,
      target: rel.target.id,
      type: rel.type,
      label: rel.typeLabel,
      stage: stage ?? -1,
      confidence: rel.confidence,
      directed: rel.directed,
      // Time filtering follows the API's validity (undated ends bounded by lifespans or periods).
      fromYear: rel.validity.fromYear,
      toYear: rel.validity.toYear,
      dated: rel.dated,
      dating,
      corroboration: rel.corroboration,
      intervalLabel: rel.interval.label,
      validityLabel: rel.validity.label,
    },
    classes: classes.join(' '),
  };
}

/** Stage order lookup from the relationshipTypes vocabulary. */
export function stageOrderLookup(types: readonly RelationshipTypeInfo[]): (type: RelationshipType) => number | null {
  const map = new Map(types.map((t) => [t.type, t.isStage ? t.stageOrder : null]));
  return (type) => map.get(type) ?? null;
}

/**
 * Builds the descriptors for a whole network. Edges whose endpoints are missing are dropped
 * (Cytoscape refuses them), and duplicate ids are kept once.
 */
export function buildGraphModel(network: Pick<Network, 'nodes' | 'edges'>, types: readonly RelationshipTypeInfo[]): GraphModel {
  const stageOf = stageOrderLookup(types);
  const nodes = new Map<string, NodeDescriptor>();
  for (const actor of network.nodes) if (!nodes.has(actor.id)) nodes.set(actor.id, nodeFromActor(actor));
  const edges = new Map<string, EdgeDescriptor>();
  for (const rel of network.edges) {
    if (edges.has(rel.id) || !nodes.has(rel.source.id) || !nodes.has(rel.target.id)) continue;
    edges.set(rel.id, edgeFromRelationship(rel, stageOf));
  }
  for (const e of edges.values()) {
    nodes.get(e.data.source)!.data.degree++;
    if (e.data.target !== e.data.source) nodes.get(e.data.target)!.data.degree++;
  }
  const list = [...nodes.values()];
  // the best-connected actors keep their labels at any zoom
  const hubs = [...list].sort((a, b) => b.data.degree - a.data.degree).slice(0, Math.max(5, Math.ceil(list.length * 0.06)));
  for (const n of hubs) if (n.data.degree >= 4) n.classes = 'big';
  return { nodes: list, edges: [...edges.values()] };
}

/**
 * Adds what a network brings that the model lacks (a search result or an expansion's neighbours on
 * a dataset too big to load whole): new actors, and new relationships whose two actors are known.
 * The model's arrays grow in place (so every view of it sees them) and the actors the new links touch
 * gain degree. Returns what was added and the actors whose degree changed.
 */
export function growModel(model: GraphModel, network: Pick<Network, 'nodes' | 'edges'>, types: readonly RelationshipTypeInfo[]): { nodes: NodeDescriptor[]; edges: EdgeDescriptor[]; regrown: string[] } {
  const stageOf = stageOrderLookup(types);
  const nodes = new Map(model.nodes.map((n) => [n.data.id, n]));
  const known = new Set(model.edges.map((e) => e.data.id));
  const added = { nodes: [] as NodeDescriptor[], edges: [] as EdgeDescriptor[] };
  for (const actor of network.nodes) {
    if (nodes.has(actor.id)) continue;
    const n = nodeFromActor(actor);
    nodes.set(actor.id, n);
    added.nodes.push(n);
  }
  const regrown = new Set<string>();
  for (const rel of network.edges) {
    if (known.has(rel.id) || !nodes.has(rel.source.id) || !nodes.has(rel.target.id)) continue;
    known.add(rel.id);
    const e = edgeFromRelationship(rel, stageOf);
    added.edges.push(e);
    for (const id of new Set([rel.source.id, rel.target.id])) {
      nodes.get(id)!.data.degree++;
      regrown.add(id);
    }
  }
  model.nodes.push(...added.nodes);
  model.edges.push(...added.edges);
  return { ...added, regrown: [...regrown] };
}

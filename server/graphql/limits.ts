/**
 * Bounds on the work one request can ask for, checked before anything runs:
 * - depth (introspection exempt), fields selected (after expanding fragments) and aliases — a
 *   validation rule;
 * - estimated cost — an Apollo plugin, because it needs the request's variables: every field costs
 *   1 × the product of the sizes of the lists above it. A list's size is its `first`/`limit`/`k`
 *   argument (literal, variable or SDL default; on a connection or result object it sizes the
 *   lists inside) or the number of its `ids`, else a known bound of the field (LIST_SIZE_HINTS),
 *   else LIST_ESTIMATE.
 * Each violation is an error with HTTP 400 and code QUERY_TOO_COMPLEX that names the limit.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { HeavyLane } from './lanes.js';
import { OVERVIEW_LIMITS } from '../services/overview.js';

export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
  maxAliases: number;
  maxCost: number;
}

/** Assumed length of a list whose size the query does not state. */
export const LIST_ESTIMATE = 50;
const SIZE_ARGS = new Set(['first', 'limit', 'k']);

/** Lists whose length the domain bounds (hops ≤ 6) or that are short by nature. */
export const LIST_SIZE_HINTS: Readonly<Record<string, number>> = {
  'Path.hops': 6,
  'Path.actors': 7,
  'PathHop.alternatives': 5,
  'Relationship.citations': 3,
  'Relationship.claims': 3,
  'LifespanBound.readings': 2,
  'Dyad.relationships': 10,
  'StageChange.before': 3,
  'StageChange.after': 3,
  'Actor.citations': 5,
  'Event.citations': 3,
  'Figure.citations': 3,
  'CapacityRating.citations': 3,
  'Event.actors': 10,
  'Event.places': 5,
  'Figure.actors': 5,
  'TimelineChange.actors': 2,
  'Dyad.periods': 20,
  'DyadPeriod.relationships': 10,
  // the opening view is bounded by the service, whatever the network's size
  'Overview.nodes': OVERVIEW_LIMITS.wholeActors,
  'Overview.positions': OVERVIEW_LIMITS.wholeActors,
  'Overview.edges': OVERVIEW_LIMITS.wholeRelationships,
  'BrokeredPair.via': 2,
  'RankOverTime.years': 120,
  'YearCounts.years': 120,
  'StageTrajectory.periods': 6,
  'StageTrajectory.others': 3,
  'YearCount.byType': 24,
  'Broker.roles': 5,
};

interface Measure {
  depth: number;
  fields: number;
  aliases: number;
  cost: number;
}

interface Walk {
  schema: GraphQLSchema;
  variables: Record<string, unknown> | null;
  fragments: Record<string, FragmentDefinitionNode | undefined>;
  seen: Set<string>;
  acc: Measure;
  limits: QueryLimits;
}

/**
 * The field's first/limit/k: a literal, a variable's value, else the argument's default in the
 * SDL; null when the field takes no such argument.
 */
function sizeArgument(field: FieldNode, def: GraphQLField<unknown, unknown> | undefined, w: Walk): number | null {
  for (const arg of field.arguments ?? []) {
    if (arg.name.value === 'ids') {
      // a lookup by ids returns at most one item per id
      if (arg.value.kind === Kind.LIST) return Math.max(1, arg.value.values.length);
      const v = arg.value.kind === Kind.VARIABLE ? w.variables?.[arg.value.name.value] : null;
      if (Array.isArray(v)) return Math.max(1, v.length);
    }
    if (!SIZE_ARGS.has(arg.name.value)) continue;
    if (arg.value.kind === Kind.INT) return Math.max(1, Number(arg.value.value));
    if (arg.value.kind === Kind.VARIABLE) {
      const v = w.variables?.[arg.value.name.value];
      if (typeof v === 'number' && Number.isFinite(v)) return Math.max(1, v);
    }
  }
  const fallback = def?.args.find((a) => SIZE_ARGS.has(a.name))?.defaultValue;
  return typeof fallback === 'number' ? Math.max(1, fallback) : null;
}

/**
 * A list's size: its own argument; else the size given to the object field holding it (a
 * connection's `first` sizes its `nodes` and `edges`); else a known bound; else LIST_ESTIMATE.
 */
function listSize(field: FieldNode, parent: GraphQLObjectType, carried: number | null, w: Walk): number {
  return sizeArgument(field, parent.getFields()[field.name.value], w) ?? carried ?? LIST_SIZE_HINTS[`${parent.name}.${field.name.value}`] ?? LIST_ESTIMATE;
}

/*
 * Types are inspected through their printed form ("[Relationship!]!") rather than graphql-js's
 * instanceof helpers, so the rule works with whichever graphql-js copy built the schema.
 */
const isListTypeName = (printed: string) => printed.startsWith('[');
const namedTypeName = (printed: string) => printed.replace(/[[\]!]/g, '');
function asObjectType(t: GraphQLNamedType | null | undefined): GraphQLObjectType | null {
  return t && 'getFields' in t && 'getInterfaces' in t ? (t as GraphQLObjectType) : null;
}

function measure(set: SelectionSetNode, parent: GraphQLObjectType | null, depth: number, multiplier: number, w: Walk, carried: number | null = null): void {
  const { acc, limits } = w;
  for (const sel of set.selections) {
    if (acc.fields > limits.maxFields || acc.cost > limits.maxCost) return;
    if (sel.kind === Kind.FIELD) {
      acc.fields += 1;
      acc.cost += multiplier;
      if (sel.alias) acc.aliases += 1;
      if (sel.name.value.startsWith('__') || !sel.selectionSet) continue;
      const def = parent?.getFields()[sel.name.value];
      const printed = def ? String(def.type) : '';
      const isList = parent !== null && isListTypeName(printed);
      const childMultiplier = isList ? multiplier * listSize(sel, parent, carried, w) : multiplier;
      acc.depth = Math.max(acc.depth, depth + 1);
      const childType = def ? asObjectType(w.schema.getType(namedTypeName(printed))) : null;
      measure(sel.selectionSet, childType, depth + 1, childMultiplier, w, isList ? null : sizeArgument(sel, def, w));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const cond = sel.typeCondition ? asObjectType(w.schema.getType(sel.typeCondition.name.value)) : parent;
      measure(sel.selectionSet, cond ?? parent, depth, multiplier, w, carried);
    } else {
      const name = sel.name.value;
      const fragment = w.fragments[name];
      if (!fragment || w.seen.has(name)) continue;
      const cond = asObjectType(w.schema.getType(fragment.typeCondition.name.value));
      w.seen.add(name);
      measure(fragment.selectionSet, cond ?? parent, depth, multiplier, w, carried);
      w.seen.delete(name);
    }
  }
}

/** Measure one operation; `variables` null means unknown (cost is then not meaningful). */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null,
  limits: QueryLimits,
): Measure {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const acc: Measure = { depth: 1, fields: 0, aliases: 0, cost: 0 };
  measure(operation.selectionSet, asObjectType(root), 1, 1, { schema, variables, fragments, seen: new Set(), acc, limits });
  return acc;
}

const tooComplex = (message: string, node?: OperationDefinitionNode) =>
  new GraphQLError(message, { ...(node ? { nodes: [node] } : {}), extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });

export function costMessage(cost: number, limits: QueryLimits): string | null {
  return cost > limits.maxCost ? `query cost is over ${limits.maxCost} (each field counts once per item of the lists above it; ask for fewer items with first/limit)` : null;
}

/** Depth, field and alias limits, as a validation rule. */
export function queryLimitRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root = node.operation === 'query' ? schema.getQueryType() : node.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      if (!root) {
        context.reportError(new GraphQLError(`this API has no ${node.operation} operations: it is read-only, use a query`, { nodes: [node], extensions: { code: 'OPERATION_NOT_SUPPORTED' } }));
        return;
      }
      const acc = measureOperation(context.getSchema(), context.getDocument(), node, null, { ...limits, maxCost: Infinity });
      if (acc.depth > limits.maxDepth) context.reportError(tooComplex(`query depth ${acc.depth} exceeds the maximum of ${limits.maxDepth}`, node));
      if (acc.fields > limits.maxFields) context.reportError(tooComplex(`query selects more than ${limits.maxFields} fields`, node));
      if (acc.aliases > limits.maxAliases) context.reportError(tooComplex(`query uses ${acc.aliases} aliases; the maximum is ${limits.maxAliases}`, node));
    },
  });
}

/**
 * The cost limit, once the operation and its variables are known; an operation over the lane's
 * heavy cost then waits for a slot in the heavy lane (taking turns with other clients) and gives it
 * back when its response is sent.
 */
export function queryCostPlugin<T extends { client?: string }>(limits: QueryLimits, lane: HeavyLane | null = null): ApolloServerPlugin<T> {
  const costs = new Map<string, number>();
  return {
    async requestDidStart() {
      let leave: (() => void) | null = null;
      return {
        async didResolveOperation({ schema, document, operation, request, queryHash, contextValue }) {
          if (!operation) return;
          // The same document with the same variables costs the same: measure it once.
          const key = `${queryHash}:${request.operationName ?? ''}:${JSON.stringify(request.variables ?? {})}`;
          let cost = costs.get(key);
          if (cost === undefined) {
            cost = measureOperation(schema, document, operation, request.variables ?? {}, limits).cost;
            if (costs.size >= 2000) costs.clear();
            if (key.length < 4096) costs.set(key, cost);
          }
          const acc = { cost };
          const message = costMessage(acc.cost, limits);
          if (message) throw tooComplex(message);
          if (lane && acc.cost > lane.heavyCost) leave = await lane.enter(contextValue.client);
        },
        async willSendResponse() {
          leave?.();
        },
      };
    },
  };
}

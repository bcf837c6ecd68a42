/**
 * Validation rules that bound the work one request can ask for: query depth, total fields
 * (after expanding fragments), and aliases. Introspection is exempt from the depth limit.
 * Each violation is a validation error that names the limit.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxFields: number;
  maxAliases: number;
}

interface Measure {
  depth: number;
  fields: number;
  aliases: number;
}

function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode | undefined>,
  depth: number,
  seen: Set<string>,
  acc: Measure,
  limits: QueryLimits,
): void {
  for (const sel of set.selections) {
    if (acc.fields > limits.maxFields) return;
    if (sel.kind === Kind.FIELD) {
      acc.fields += 1;
      if (sel.alias) acc.aliases += 1;
      if (sel.name.value.startsWith('__')) continue;
      if (sel.selectionSet) {
        acc.depth = Math.max(acc.depth, depth + 1);
        measure(sel.selectionSet, fragments, depth + 1, seen, acc, limits);
      }
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      measure(sel.selectionSet, fragments, depth, seen, acc, limits);
    } else {
      const name = sel.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      measure(fragment.selectionSet, fragments, depth, seen, acc, limits);
      seen.delete(name);
    }
  }
}

export function queryLimitRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
      const acc: Measure = { depth: 1, fields: 0, aliases: 0 };
      measure(node.selectionSet, fragments, 1, new Set(), acc, limits);
      const reject = (message: string) => context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'QUERY_TOO_COMPLEX' } }));
      if (acc.depth > limits.maxDepth) reject(`query depth ${acc.depth} exceeds the maximum of ${limits.maxDepth}`);
      if (acc.fields > limits.maxFields) reject(`query selects more than ${limits.maxFields} fields`);
      if (acc.aliases > limits.maxAliases) reject(`query uses ${acc.aliases} aliases; the maximum is ${limits.maxAliases}`);
    },
  });
}

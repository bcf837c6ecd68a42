/**
 * An actor's ego network: everything within `depth` hops (1–3) under a relationship filter,
 * expanded level by level over the store port. Capped by actor count.
 */
import type { Actor, Relationship } from '../domain/schemas.js';
import type { GraphStore, RelationshipFilter } from '../store/port.js';
import { compareIds, compareRelationships } from '../store/records.js';

export interface Neighbourhood {
  center: string;
  actors: Actor[];
  relationships: Relationship[];
  /** Hop distance of each actor from the centre. */
  distance: Map<string, number>;
  truncated: boolean;
}

export async function neighbourhood(
  store: GraphStore,
  center: string,
  depth: number,
  filter: RelationshipFilter,
  maxActors: number,
): Promise<Neighbourhood> {
  const distance = new Map<string, number>([[center, 0]]);
  const relationships = new Map<string, Relationship>();
  let frontier = [center];
  let truncated = false;
  for (let d = 1; d <= depth && frontier.length > 0 && !truncated; d += 1) {
    const next: string[] = [];
    for (const r of await store.incident(frontier, filter)) {
      for (const other of [r.source, r.target]) {
        if (distance.has(other)) continue;
        if (distance.size >= maxActors) {
          truncated = true;
          continue;
        }
        distance.set(other, d);
        next.push(other);
      }
      if (distance.has(r.source) && distance.has(r.target)) relationships.set(r.id, r);
    }
    frontier = next;
  }
  const ids = [...distance.keys()].sort((a, b) => (distance.get(a) ?? 0) - (distance.get(b) ?? 0) || compareIds(a, b));
  return {
    center,
    actors: await store.getActors(ids),
    relationships: [...relationships.values()].sort(compareRelationships),
    distance,
    truncated,
  };
}

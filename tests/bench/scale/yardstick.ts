/**
 * The yardstick for the scale bench: graphology's bidirectional BFS on the same graph (the
 * relationships that connect actors, as undirected edges) and the same pairs, run in the same
 * process as the stores so the ratio survives a noisy machine.
 */
import { UndirectedGraph } from 'graphology';
import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import type { Dataset } from '../../../server/domain/schemas.js';
import { RELATIONSHIP_TYPE_INFO } from '../../../server/domain/vocabulary.js';
import { timeRuns } from '../stats.js';

export function yardstickGraph(dataset: Pick<Dataset, 'actors' | 'relationships'>): UndirectedGraph {
  const g = new UndirectedGraph({ allowSelfLoops: false });
  for (const a of dataset.actors) g.addNode(a.id);
  for (const r of dataset.relationships) {
    if (RELATIONSHIP_TYPE_INFO[r.type].connects && r.source !== r.target) g.mergeEdge(r.source, r.target);
  }
  return g;
}

/** Milliseconds per pair, and the hop counts found (null: unreachable). */
export async function yardstickShortest(g: UndirectedGraph, pairs: ReadonlyArray<[string, string]>): Promise<{ samples: number[]; lengths: Array<number | null> }> {
  const lengths: Array<number | null> = [];
  const samples = await timeRuns(pairs.length, (i) => {
    const [a, b] = pairs[i]!;
    const p = bidirectional(g, a, b);
    lengths[i] = p ? p.length - 1 : null;
  });
  return { samples, lengths };
}

/**
 * Benchmark page: loads a synthetic graph into the real graph module (client/src/graph/view.ts)
 * and measures the first layout, time-slider steps (restyle, and restyle + the next frame), and
 * frame times while the viewport pans and zooms. Driven from tests/bench/explorer.ts.
 */
import { GraphView } from '../../../client/src/graph/view.js';
import { buildGraphModel } from '../../../client/src/model/elements.js';
import { visibleSubgraph } from '../../../client/src/model/visibility.js';
import { vocabulary } from '../../client/fixtures.js';
import { SYNTH_YEARS, syntheticNetwork } from '../synthetic.js';

export interface BenchResult {
  elements: number;
  nodes: number;
  edges: number;
  layoutMs: number;
  loadMs: number;
  filterMs: number[];
  stepMs: number[];
  stepFrameMs: number[];
  panFrameMs: number[];
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

async function run(elements: number, steps = 60): Promise<BenchResult> {
  const container = document.getElementById('graph')!;
  const types = [...vocabulary.relationshipTypes];
  for (const t of ['SUPPORTS', 'MEMBER_OF', 'COLLUSION'] as const) types.push({ type: t, label: t, description: '', directed: true, isStage: false, stageOrder: null, connects: true });
  const model = buildGraphModel(syntheticNetwork(elements), types);
  const view = new GraphView(container, { relationshipTypes: types.map((t) => t.type) });
  const t0 = performance.now();
  const { layoutMs } = view.load(model);
  const loadMs = performance.now() - t0;
  view.show(visibleSubgraph(model, { kind: 'year', year: SYNTH_YEARS.min }), { animate: false });
  view.fit(false);
  await frame();
  await frame();
  const filterMs: number[] = [];
  const stepMs: number[] = [];
  const stepFrameMs: number[] = [];
  let year = SYNTH_YEARS.min;
  for (let i = 0; i < steps; i++) {
    year = year >= SYNTH_YEARS.max ? SYNTH_YEARS.min : year + 1;
    const f0 = performance.now();
    const visible = visibleSubgraph(model, { kind: 'year', year });
    filterMs.push(performance.now() - f0);
    const s0 = performance.now();
    const res = view.show(visible);
    stepMs.push(res.ms);
    const painted = await frame();
    stepFrameMs.push(painted - s0);
    await frame();
  }
  // viewport responsiveness: pan and zoom, one change per frame
  const panFrameMs: number[] = [];
  let last = await frame();
  for (let i = 0; i < 40; i++) {
    if (i % 2 === 0) view.panBy(15, 10);
    else view.zoomBy(i % 4 === 1 ? 1.05 : 0.95);
    const now = await frame();
    panFrameMs.push(now - last);
    last = now;
  }
  view.destroy();
  return { elements, nodes: model.nodes.length, edges: model.edges.length, layoutMs, loadMs, filterMs, stepMs, stepFrameMs, panFrameMs };
}

declare global {
  interface Window {
    __bench?: { run: typeof run };
  }
}
window.__bench = { run };

/**
 * API latency on the sourced dataset over real HTTP, one request at a time: paths in each mode
 * with citations, the network of a year and of all years, a neighbourhood, a diff. The rows are
 * p50/p95/p99 of ≥ 200 requests each.
 */
import { gql, startTestServer } from '../helpers/server.js';
import { LATENCY_COLUMNS, markdownTable, progress, endProgress, summarise, timeRuns, type Row } from './stats.js';

/** Pairs of the sourced dataset the API benchmarks ask paths for. */
export const SOURCED_PAIRS: Array<[string, string]> = [
  ['jund-al-khilafah', 'al-qaeda'],
  ['imu', 'osh-drug-barons'],
  ['iju', 'taliban'],
  ['tajik-dca', 'imu'],
  ['hizb-ut-tahrir', 'taliban'],
  ['imu', 'drug-trafficking-networks-central-asia'],
];

const HOP = 'relationship { id type confidence validity { label } citations { quote source { id title } } }';
const paths = (mode: string, maxHops: number) =>
  `query ($from: ID!, $to: ID!) { paths(from: $from, to: $to, mode: ${mode}, k: 5, maxHops: ${maxHops}) { truncated paths { length hops { from { id } to { id } ${HOP} } } } }`;
const NETWORK = 'query ($at: Int) { network(at: $at) { truncated nodes { id name kind } edges { id type confidence source { id } target { id } validity { fromYear toYear } } } }';

export async function runApiBench(runs = 200): Promise<Row[]> {
  const server = await startTestServer();
  try {
    const pick = (i: number) => ({ from: SOURCED_PAIRS[i % SOURCED_PAIRS.length]![0], to: SOURCED_PAIRS[i % SOURCED_PAIRS.length]![1] });
    const cases: Array<[string, (i: number) => Promise<unknown>]> = [
      ['paths SHORTEST ≤ 6 hops, with citations', (i) => gql(server.url, paths('SHORTEST', 6), pick(i))],
      ['paths K_SHORTEST k=5 ≤ 4 hops, with citations', (i) => gql(server.url, paths('K_SHORTEST', 4), pick(i))],
      ['paths ALL_SIMPLE ≤ 3 hops, with citations', (i) => gql(server.url, paths('ALL_SIMPLE', 3), pick(i))],
      ['network(at: year)', (i) => gql(server.url, NETWORK, { at: 1991 + (i % 25) })],
      ['network (all years)', () => gql(server.url, NETWORK)],
      ['neighbourhood(imu, depth 2)', () => gql(server.url, 'query { neighbourhood(id: "imu", depth: 2) { nodes { id name } edges { id type } } }')],
      ['diff(1997 → 2001)', () => gql(server.url, 'query { diff(fromYear: 1997, toYear: 2001) { added { id } ended { id } changedStage { fromStages toStages } } }')],
    ];
    const rows: Row[] = [];
    for (const [name, fn] of cases) rows.push(summarise(name, await timeRuns(runs, fn, 10, (i) => i % 50 === 0 && progress(`api · ${name} · ${i}/${runs}`))));
    endProgress();
    return rows;
  } finally {
    await server.close();
  }
}

export function apiMarkdown(rows: readonly Row[]): string {
  return `## API latency on the sourced dataset (embedded store, HTTP, one request at a time)\n\n${markdownTable(LATENCY_COLUMNS, rows as unknown as Array<Record<string, unknown>>)}`;
}

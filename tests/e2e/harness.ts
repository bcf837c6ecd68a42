/**
 * The end-to-end harness: the real app (in-process, sourced dataset, built explorer) and headless
 * Chromium, with helpers to open a page at a URL state, ask the API the same question, and wait
 * for the page's drawing to settle.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { gql, startTestServer, type TestServer } from '../helpers/server.js';
import type { Config } from '../../server/config.js';
import { launchBrowser } from './browser.js';

type NetworkIds = { nodes: { id: string }[]; edges: { id: string }[] };

export interface Harness {
  url(): string;
  browser(): Browser;
  api<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  networkAt(year: number, extra?: { datedOnly?: boolean; stages?: string[] }): Promise<{ nodes: string[]; edges: string[] }>;
  open(query?: string): Promise<Page>;
  settle(page: Page): Promise<void>;
}

/** Start the server and the browser for the enclosing describe block. */
export function useHarness(options: { access?: Config['access'] } = {}): Harness {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ buildClient: true, ...options });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const res = await gql<T>(server.url, query, variables);
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data;
  };
  return {
    url: () => server.url,
    browser: () => browser,
    api,
    networkAt: async (year, extra = {}) => {
      const data = await api<{ network: NetworkIds }>(
        'query($at: Int, $datedOnly: Boolean, $stages: [ContinuumStage!]) { network(at: $at, datedOnly: $datedOnly, stages: $stages, limit: 5000) { nodes { id } edges { id } } }',
        { at: year, ...extra },
      );
      return { nodes: data.network.nodes.map((n) => n.id).sort(), edges: data.network.edges.map((e) => e.id).sort() };
    },
    open: async (query = '') => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      // The page runs under the server's content security policy: anything it blocks is an error.
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
      });
      const response = await page.goto(`${server.url}/${query}`);
      expect(response?.headers()['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      await page.waitForFunction(() => window.__nexus?.ready === true, null, { timeout: 30_000 });
      expect(errors).toEqual([]);
      return page;
    },
    // the enter/leave fade is 220 ms
    settle: (page) => page.waitForTimeout(400),
  };
}

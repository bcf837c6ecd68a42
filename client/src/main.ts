/**
 * Entry point of the explorer: loads the data with a visible loading state, shows an error with
 * a Retry button when the API is down, and starts the app once everything has arrived.
 */
import { ApiError, createGraphqlClient } from './api/client.js';
import { TokenStore } from './state/session.js';
import { NexusApi } from './api/queries.js';
import { startApp } from './app.js';
import { byId, h } from './ui/dom.js';
import { StatusOverlay } from './ui/status.js';

const status = new StatusOverlay(byId('status'));
const tokens = new TokenStore();
// Every request carries the editor's token when one is kept (reads may require one too).
const gql = createGraphqlClient({ headers: () => tokens.headers() });
const api = new NexusApi(gql);

async function boot(): Promise<void> {
  status.loading('Loading the network…');
  try {
    await startApp(api, status, { gql, tokens });
    status.hide();
  } catch (err) {
    console.error(err);
    const message = err instanceof ApiError ? err.userMessage : `The explorer could not start: ${err instanceof Error ? err.message : String(err)}`;
    byId('graph').dataset['state'] = 'error';
    status.error(message, () => void boot());
    // This server requires a token for reading (READ_REQUIRES_TOKEN): ask for one here.
    if (err instanceof ApiError && err.code === 'UNAUTHENTICATED') byId('status').append(tokenPrompt(() => void boot()));
  }
}

function tokenPrompt(retry: () => void): HTMLElement {
  const input = h('input', { id: 'boot-token', type: 'password', autocomplete: 'off', 'aria-label': 'API token' });
  const use = h('button', { type: 'button', id: 'boot-token-use' }, 'Use token');
  use.addEventListener('click', () => {
    tokens.set(input.value);
    retry();
  });
  return h('p', {}, 'Reading needs a viewer token on this server: ', input, ' ', use);
}

void boot();

/**
 * The editor's API token, kept in sessionStorage: it lasts while the tab is open, is never put in
 * the URL, and is sent only as `Authorization: Bearer <token>`.
 */
const KEY = 'nexus.apiToken';

export class TokenStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = typeof sessionStorage === 'undefined' ? null : sessionStorage) {}

  get(): string | null {
    return this.storage?.getItem(KEY) ?? null;
  }

  set(token: string): void {
    const t = token.trim();
    if (t) this.storage?.setItem(KEY, t);
    else this.clear();
  }

  clear(): void {
    this.storage?.removeItem(KEY);
  }

  /** The header the API expects, when a token is kept. */
  headers(): Record<string, string> {
    const t = this.get();
    return t ? { Authorization: `Bearer ${t}` } : {};
  }
}

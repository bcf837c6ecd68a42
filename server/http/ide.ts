/** The development GraphQL IDE: one self-contained page (no CDN), served at GET /graphql. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ideHtml = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'ide.html'), 'utf8');

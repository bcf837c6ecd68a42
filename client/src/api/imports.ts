/**
 * The explorer's import call: POST /api/import with the chosen file as the body, as a dry run
 * (what would happen to each row) or for real. Needs an editor token; a refusal or a bad file
 * becomes an ApiError with the API's code and message, a refused file keeps its problems.
 */
import { ApiError } from './client.js';

export const UPLOAD_FORMATS = [
  { value: 'mmp', label: 'MMP relationships CSV' },
  { value: 'ftm', label: 'FollowTheMoney JSON lines' },
  { value: 'json', label: 'Our JSON (seed or dataset)' },
  { value: 'csv', label: 'Our CSV (actors.csv, relationships.csv, …)' },
] as const;
export type UploadFormat = (typeof UPLOAD_FORMATS)[number]['value'];

export interface ImportRowView {
  where: string;
  action: 'add' | 'update' | 'unchanged' | 'skip';
  record: string;
  why: string;
}

export interface ImportReport {
  dryRun: boolean;
  format: string;
  counts: { add: number; update: number; unchanged: number; skip: number };
  rows: ImportRowView[];
  review: string[];
  problems: Array<{ file: string; record: string; field: string; reason: string }>;
  written: number;
}

/** A file the API refused: its problems, row by row. */
export class ImportRefused extends ApiError {
  constructor(message: string, readonly report: ImportReport) {
    super('graphql', message, 400, 'BAD_USER_INPUT', 'body');
  }
}

export interface ImportRequest {
  file: Blob;
  name: string;
  format: UploadFormat;
  dryRun: boolean;
}

export class ImportApi {
  constructor(
    private readonly headers: () => Record<string, string>,
    private readonly endpoint = '/api/import',
    private readonly doFetch: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async run(req: ImportRequest): Promise<ImportReport> {
    const query = new URLSearchParams({ format: req.format, name: req.name, ...(req.dryRun ? { dryRun: '1' } : {}) });
    let response: Response;
    try {
      response = await this.doFetch(`${this.endpoint}?${query.toString()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/json', ...this.headers() },
        body: req.file,
      });
    } catch (err) {
      throw new ApiError('network', err instanceof Error ? err.message : String(err));
    }
    type Body = Partial<ImportReport> & { errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }> };
    let body: Body | null = null;
    try {
      body = (await response.json()) as Body;
    } catch {
      body = null;
    }
    const error = body?.errors?.[0];
    if (error) {
      if (body?.problems && body.problems.length > 0) throw new ImportRefused(error.message, body as ImportReport);
      throw new ApiError('graphql', error.message, response.status, error.extensions?.code, error.extensions?.field);
    }
    if (!response.ok || !body) throw new ApiError('http', `HTTP ${response.status}`, response.status);
    return body as ImportReport;
  }
}

/**
 * Reading the audit log: a record's history, the paged, filtered log, and a retired record, with
 * their arguments checked (ids, ISO instants, page size and cursor). Each is a single store call.
 */
import { z } from 'zod';
import { CHANGE_OPERATIONS, type AuditEntry, type RecordState } from '../domain/changes.js';
import type { GraphStore } from '../store/port.js';
import { decodeCursor, idArg, oneOf, pageSize, parseArg } from './inputs.js';
import type { Paged } from './nexus.js';

const instant = z.string().regex(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/, 'must be an ISO date or instant such as 2026-12-01 or 2026-12-01T10:00:00Z');
const tokenName = z.string().min(1, 'must not be empty').max(64, 'is too long');

export interface AuditArgs {
  recordId?: string | null;
  by?: string | null;
  operation?: string | null;
  since?: string | null;
  until?: string | null;
  first?: number | null;
  after?: string | null;
}

export class AuditService {
  constructor(private readonly store: GraphStore) {}

  history(recordId: string): Promise<AuditEntry[]> {
    return this.store.history(parseArg('recordId', idArg, recordId));
  }

  /** The retired actor or relationship with this id, if any. */
  async retired(id: string): Promise<RecordState | null> {
    const checked = parseArg('id', idArg, id);
    const states = await this.store.recordStates([{ section: 'actors', id: checked }, { section: 'relationships', id: checked }]);
    return states.find((s) => s.record !== null && s.retired !== null) ?? null;
  }

  async audit(args: AuditArgs): Promise<Paged<AuditEntry>> {
    const limit = pageSize('first', args.first, 50, 500);
    const offset = decodeCursor('after', args.after);
    const filter = {
      ...(args.recordId != null ? { recordId: parseArg('recordId', idArg, args.recordId) } : {}),
      ...(args.by != null ? { by: parseArg('by', tokenName, args.by) } : {}),
      ...(args.operation != null ? { operation: parseArg('operation', oneOf(CHANGE_OPERATIONS), args.operation) } : {}),
      ...(args.since != null ? { since: parseArg('since', instant, args.since) } : {}),
      // A date alone means the whole day.
      ...(args.until != null ? { until: `${parseArg('until', instant, args.until)}${args.until.includes('T') ? '' : '\uffff'}` } : {}),
    };
    const page = await this.store.listAudit(filter, { offset, limit });
    return { ...page, offset };
  }
}

/**
 * Typed domain errors with stable codes. The GraphQL layer maps them to GraphQLError
 * extensions in one place; the CLIs print them.
 */

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'SEED_INVALID' | 'STORE_UNAVAILABLE' | 'LIMIT_EXCEEDED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'CONFLICT';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadInputError extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super('BAD_USER_INPUT', `${field}: ${reason}`, { field });
  }
}

export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
    field: string = 'id',
  ) {
    super('NOT_FOUND', `${field}: no ${entity} with id "${id}"`, { field, id });
  }
}

export class StoreUnavailableError extends DomainError {
  constructor(message: string) {
    super('STORE_UNAVAILABLE', message);
  }
}

export interface SeedProblem {
  file: string;
  record: string;
  field: string;
  reason: string;
}

export class SeedValidationError extends DomainError {
  constructor(
    readonly problems: readonly SeedProblem[],
    heading = `${problems.length} problem(s) in the seed data:`,
    footer: readonly string[] = [],
  ) {
    const shown = problems.slice(0, 20).map((p) => `  ${p.file} › ${p.record} › ${p.field}: ${p.reason}`);
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
    super('SEED_INVALID', [heading, ...shown, ...more, ...footer].join('\n'));
  }
}

/** A request that needs a token and has none, or one that is not valid (the token is never echoed). */
export class UnauthenticatedError extends DomainError {
  constructor(message: string) {
    super('UNAUTHENTICATED', message);
  }
}

/** A valid token whose role does not allow the operation. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('FORBIDDEN', message);
  }
}

/** A write planned on records that changed before it was applied: nothing was written, try again. */
export class ConflictError extends DomainError {
  constructor(readonly id: string) {
    super('CONFLICT', `id: "${id}" changed while this edit was being made; nothing was written, try again`, { field: 'id', id });
  }
}

/**
 * Mutation resolvers: thin — check the caller's role, hand the arguments to the EditService
 * (which validates, plans and has the store apply the change), and answer with the audit entry and
 * the record as it now reads.
 */
import type { AuditEntry } from '../../domain/changes.js';
import type { Context } from '../context.js';
import type { MutationArgs } from '../generated.js';
import { requireRole } from '../access.js';

type MutationResolvers = {
  [K in keyof MutationArgs]: (parent: unknown, args: MutationArgs[K], ctx: Context) => unknown;
};

/** The change's main record (its first) as it reads now: an actor or a relationship, null when retired. */
async function result(ctx: Context, entry: AuditEntry) {
  const main = entry.after[0];
  const live = (section: string) => (main && main.section === section && main.record && !main.retired ? main.id : undefined);
  const actorId = live('actors');
  const relationshipId = live('relationships');
  const [actor] = actorId ? await ctx.service.actorsByIds([actorId]) : [];
  const [relationship] = relationshipId ? await ctx.service.relationshipsById([relationshipId]).catch(() => []) : [];
  return { change: entry, actor: actor ?? null, relationship: relationship ?? null };
}

function editor(ctx: Context, what: string) {
  return requireRole(ctx.access, 'editor', what);
}

export const mutationResolvers = {
  createActor: async (_, { input, evidence }, ctx) => result(ctx, await ctx.edits.createActor(editor(ctx, 'createActor'), input, evidence)),
  updateActor: async (_, { id, changes, evidence }, ctx) => result(ctx, await ctx.edits.updateActor(editor(ctx, 'updateActor'), id, changes, evidence)),
  addActorAlias: async (_, { id, alias, evidence }, ctx) => result(ctx, await ctx.edits.addAlias(editor(ctx, 'addActorAlias'), id, alias, evidence)),
  retireActor: async (_, { id, reason, evidence }, ctx) => result(ctx, await ctx.edits.retireActor(editor(ctx, 'retireActor'), id, reason, evidence)),
  mergeActors: async (_, { survivor, merged, reason, evidence }, ctx) => result(ctx, await ctx.edits.mergeActors(editor(ctx, 'mergeActors'), survivor, merged, reason, evidence)),
  createRelationship: async (_, { input, claim }, ctx) => result(ctx, await ctx.edits.createRelationship(editor(ctx, 'createRelationship'), input, claim)),
  updateRelationship: async (_, { id, changes, evidence }, ctx) => result(ctx, await ctx.edits.updateRelationship(editor(ctx, 'updateRelationship'), id, changes, evidence)),
  addCitation: async (_, { relationshipId, claim }, ctx) => result(ctx, await ctx.edits.addCitation(editor(ctx, 'addCitation'), relationshipId, claim)),
  retireRelationship: async (_, { id, reason, evidence }, ctx) => result(ctx, await ctx.edits.retireRelationship(editor(ctx, 'retireRelationship'), id, reason, evidence)),
} satisfies MutationResolvers;

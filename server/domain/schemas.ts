/**
 * zod schemas for every record in the domain, derived from the vocabularies.
 * TypeScript types are inferred from these; nothing else declares the shapes.
 */
import { z } from 'zod';
import {
  ACTOR_KINDS,
  CAPACITY_TYPES,
  CODED_DATING_BASES,
  CONFIDENCE_GRADES,
  EVENT_KINDS,
  LIFESPAN_EVENTS,
  RELATIONSHIP_TYPES,
} from './vocabulary.js';
import { datePointEnd, datePointStart } from './time.js';

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, single hyphens)')
  .max(120);

/** A date of year, month or day precision: "1999", "1999-08", "1999-08-23". */
export const datePointSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const intervalSchema = z
  .object({
    /** Start; null when unknown (treated as open). */
    from: datePointSchema.nullable().default(null),
    /** End; null when ongoing or unknown (treated as open). */
    to: datePointSchema.nullable().default(null),
  })
  .refine((i) => i.from === null || i.to === null || datePointStart(i.from) <= datePointEnd(i.to), {
    message: 'from must not be after to',
    path: ['to'],
  });

const quoteSchema = z.string().min(8, 'a quote must be a real sentence fragment').max(600, 'keep quotes short');
const locationSchema = z.string().max(80);

export const citationSchema = z.object({
  source: idSchema,
  /** Verbatim from the source document (whitespace-normalised comparison). */
  quote: quoteSchema,
  /** Where in the document: "p. 12", "footnote 48", "Table 2". */
  location: locationSchema.optional(),
});

/** The sentence of the same document that dates a claim whose own quote does not ("passage" basis). */
export const datingPassageSchema = z.object({ quote: quoteSchema, location: locationSchema.optional() });

const codedBasisSchema = z.enum(CODED_DATING_BASES);

export const sourceSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  authors: z.array(z.string().min(1)),
  year: z.number().int().min(1900).max(2100).nullable(),
  publisher: z.string().optional(),
  file: z.string().min(1),
  /**
   * The years the document describes: what an undated claim from it is bounded by ("as reported
   * in"). Both ends are required.
   */
  period: z
    .object({ from: datePointSchema, to: datePointSchema })
    .refine((i) => datePointStart(i.from) <= datePointEnd(i.to), { message: 'from must not be after to', path: ['to'] }),
  /** Why the period is what it is (what the document covers). */
  periodNote: z.string().default(''),
});

/**
 * One dated reading of when an actor's lifespan opens or closes, with its citation. Several
 * readings of one side that disagree (founded 1996 per one source, 1998 per another) are all kept:
 * the bound is uncertain. `latest` makes a reading itself a span ("the early 1990s": 1990–1993).
 */
export const lifespanReadingSchema = z
  .object({
    event: z.enum(LIFESPAN_EVENTS),
    date: datePointSchema,
    latest: datePointSchema.nullable().default(null),
    basis: codedBasisSchema,
    source: idSchema,
    quote: quoteSchema,
    location: locationSchema.optional(),
    datedBy: datingPassageSchema.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if (r.latest !== null && datePointStart(r.latest) < datePointStart(r.date)) ctx.addIssue({ code: 'custom', path: ['latest'], message: 'latest must not be before date' });
    if (r.basis === 'passage' && r.datedBy === null) ctx.addIssue({ code: 'custom', path: ['datedBy'], message: 'a passage-dated reading cites the passage that dates it' });
  });

export const actorSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(ACTOR_KINDS),
  country: z.string().min(1).nullable().default(null),
  description: z.string().default(''),
  /** Dated readings of the lifespan's start and end; where none is given, the store derives the bound. */
  lifespan: z.array(lifespanReadingSchema).default([]),
  /** Set when the same name covers different groups elsewhere. */
  nameCollision: z.string().nullable().default(null),
  citations: z.array(citationSchema).min(1, 'every actor needs at least one citation'),
});

/**
 * One source's assertion of a relationship: its citation, its own grade and its own dating. An end
 * is either dated (with its basis) or null: nothing in this claim dates it.
 */
export const claimSchema = z
  .object({
    source: idSchema,
    quote: quoteSchema,
    location: locationSchema.optional(),
    confidence: z.enum(CONFIDENCE_GRADES),
    from: datePointSchema.nullable().default(null),
    to: datePointSchema.nullable().default(null),
    fromBasis: codedBasisSchema.nullable().default(null),
    toBasis: codedBasisSchema.nullable().default(null),
    datedBy: datingPassageSchema.nullable().default(null),
  })
  .superRefine((c, ctx) => {
    for (const end of ['from', 'to'] as const) {
      const basis = c[`${end}Basis`];
      if ((c[end] === null) !== (basis === null)) ctx.addIssue({ code: 'custom', path: [`${end}Basis`], message: `${end} and ${end}Basis go together` });
    }
    if (c.from !== null && c.to !== null && datePointStart(c.from) > datePointEnd(c.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'from must not be after to' });
    const passage = c.fromBasis === 'passage' || c.toBasis === 'passage';
    if (passage && c.datedBy === null) ctx.addIssue({ code: 'custom', path: ['datedBy'], message: 'a passage-dated claim cites the passage that dates it' });
    if (!passage && c.datedBy !== null) ctx.addIssue({ code: 'custom', path: ['datedBy'], message: 'only a passage-dated claim cites a dating passage' });
  });

/**
 * A relationship is one fact: a pair, a type and a period, with every claim that asserts it. Its
 * interval, confidence and corroboration are derived from the claims (server/domain/derive.ts).
 */
export const relationshipSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  type: z.enum(RELATIONSHIP_TYPES),
  /** One line on what the sources say, in our words. */
  description: z.string().default(''),
  /** Why a continuum stage involves a state-side actor, when it does. */
  stageNote: z.string().nullable().default(null),
  claims: z.array(claimSchema).min(1, 'every relationship needs at least one claim'),
});

export const eventSchema = z.object({
  id: idSchema,
  date: datePointSchema,
  endDate: datePointSchema.nullable().default(null),
  title: z.string().min(1),
  kind: z.enum(EVENT_KINDS),
  description: z.string().default(''),
  actors: z.array(idSchema).default([]),
  places: z.array(idSchema).default([]),
  citations: z.array(citationSchema).min(1, 'every event needs at least one citation'),
});

export const capacityAssessmentSchema = z.object({
  id: idSchema,
  /** A region or state actor id. */
  region: idSchema,
  period: intervalSchema,
  /** Usually one type; two when the source says "intermittent captured & failed". */
  capacity: z.array(z.enum(CAPACITY_TYPES)).min(1).max(2),
  note: z.string().default(''),
  citations: z.array(citationSchema).min(1),
});

export const figureSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  value: z.number(),
  unit: z.string().min(1),
  /** Year or period the figure refers to. */
  period: intervalSchema.default({ from: null, to: null }),
  actors: z.array(idSchema).default([]),
  citations: z.array(citationSchema).min(1),
});

/** One file in seed/data/: the facts taken from one source document. */
export const seedFileSchema = z.object({
  source: sourceSchema,
  actors: z.array(actorSchema).default([]),
  relationships: z.array(relationshipSchema).default([]),
  events: z.array(eventSchema).default([]),
  capacity: z.array(capacityAssessmentSchema).default([]),
  figures: z.array(figureSchema).default([]),
});

export type Interval = z.infer<typeof intervalSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type DatingPassage = z.infer<typeof datingPassageSchema>;
export type LifespanReading = z.infer<typeof lifespanReadingSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type Source = z.infer<typeof sourceSchema>;
/** An actor as recorded (seed, data file, writes); the store adds its derived lifespan (ActorView). */
export type ActorRecord = z.infer<typeof actorSchema>;
/** A relationship as recorded; the store adds what derives from its claims (RelationshipView). */
export type RelationshipRecord = z.infer<typeof relationshipSchema>;
export type NexusEvent = z.infer<typeof eventSchema>;
export type CapacityAssessment = z.infer<typeof capacityAssessmentSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedFileInput = z.input<typeof seedFileSchema>;

/** The whole dataset after merging the seed files: records as coded, nothing derived. */
export interface Dataset {
  sources: Source[];
  actors: ActorRecord[];
  relationships: RelationshipRecord[];
  events: NexusEvent[];
  capacity: CapacityAssessment[];
  figures: Figure[];
}

export function emptyDataset(): Dataset {
  return { sources: [], actors: [], relationships: [], events: [], capacity: [], figures: [] };
}

/**
 * zod schemas for every record in the domain, derived from the vocabularies.
 * TypeScript types are inferred from these; nothing else declares the shapes.
 */
import { z } from 'zod';
import {
  ACTOR_KINDS,
  CAPACITY_TYPES,
  CONFIDENCE_GRADES,
  EVENT_KINDS,
  RELATIONSHIP_TYPES,
} from './vocabulary.js';
import { datePointEnd, datePointStart } from './time.js';

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, single hyphens)')
  .max(80);

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

export const citationSchema = z.object({
  source: idSchema,
  /** Verbatim from the source document (whitespace-normalised comparison). */
  quote: z.string().min(8, 'a quote must be a real sentence fragment').max(600, 'keep quotes short'),
  /** Where in the document: "p. 12", "footnote 48", "Table 2". */
  location: z.string().max(80).optional(),
});

export const sourceSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  authors: z.array(z.string().min(1)),
  year: z.number().int().min(1900).max(2100).nullable(),
  publisher: z.string().optional(),
  file: z.string().min(1),
});

export const actorSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  kind: z.enum(ACTOR_KINDS),
  country: z.string().min(1).nullable().default(null),
  description: z.string().default(''),
  active: intervalSchema.nullable().default(null),
  /** Set when the same name covers different groups elsewhere. */
  nameCollision: z.string().nullable().default(null),
  citations: z.array(citationSchema).min(1, 'every actor needs at least one citation'),
});

export const relationshipSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  type: z.enum(RELATIONSHIP_TYPES),
  interval: intervalSchema.default({ from: null, to: null }),
  confidence: z.enum(CONFIDENCE_GRADES),
  /** One line on what the source says, in our words. */
  description: z.string().default(''),
  /** Why a continuum stage involves a state-side actor, when it does. */
  stageNote: z.string().nullable().default(null),
  citations: z.array(citationSchema).min(1, 'every relationship needs at least one citation'),
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
export type Source = z.infer<typeof sourceSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type Relationship = z.infer<typeof relationshipSchema>;
export type NexusEvent = z.infer<typeof eventSchema>;
export type CapacityAssessment = z.infer<typeof capacityAssessmentSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type SeedFile = z.infer<typeof seedFileSchema>;
export type SeedFileInput = z.input<typeof seedFileSchema>;

/** The whole dataset after merging the seed files. */
export interface Dataset {
  sources: Source[];
  actors: Actor[];
  relationships: Relationship[];
  events: NexusEvent[];
  capacity: CapacityAssessment[];
  figures: Figure[];
}

export function emptyDataset(): Dataset {
  return { sources: [], actors: [], relationships: [], events: [], capacity: [], figures: [] };
}

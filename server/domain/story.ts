/**
 * A story for educators, as a data file in seed/stories/*.json: a titled sequence of steps, each a
 * year or a window, the actors to focus on, the relationships to highlight, a short caption and
 * the citations (source id + verbatim quote) it rests on. Shared by the client (which bundles the
 * files) and the tests that check every story against the dataset and the documents.
 */
import { z } from 'zod';

const idSchema = z.string().regex(/^[a-z0-9-]+$/u, 'lower-case letters, digits and hyphens');
const yearSchema = z.number().int().min(1900).max(2100);

export const storyCitationSchema = z.strictObject({
  source: idSchema,
  quote: z.string().trim().min(10, 'a quote of at least 10 characters').max(400, 'a short quote (at most 400 characters)'),
  location: z.string().min(1).optional(),
});

export const storyWindowSchema = z
  .strictObject({ from: yearSchema, to: yearSchema })
  .refine((w) => w.from <= w.to, { message: 'window.from is after window.to' });

export const storyStepSchema = z
  .strictObject({
    year: yearSchema.optional(),
    window: storyWindowSchema.optional(),
    focus: z.array(idSchema).min(1, 'at least one actor to focus on'),
    relationships: z.array(idSchema),
    caption: z.string().trim().min(10).max(400, 'a short caption (at most 400 characters)'),
    citations: z.array(storyCitationSchema).min(1, 'at least one citation'),
  })
  .refine((s) => (s.year === undefined) !== (s.window === undefined), { message: 'a step has either a year or a window, not both' });

export const storySchema = z.strictObject({
  id: idSchema,
  title: z.string().trim().min(5).max(120),
  summary: z.string().trim().min(10).max(500),
  steps: z.array(storyStepSchema).min(2).max(12),
});

export type StoryCitation = z.infer<typeof storyCitationSchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;
export type StoryFile = z.infer<typeof storySchema>;

/** The years a step spans, first and last (a year step: that year twice). */
export function stepYears(step: Pick<StoryStep, 'year' | 'window'>): { from: number; to: number } {
  if (step.window) return step.window;
  const y = step.year ?? 0;
  return { from: y, to: y };
}

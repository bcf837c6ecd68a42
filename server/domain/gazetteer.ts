/**
 * The gazetteer's shape (seed/gazetteer.json): where the dataset's regions and routes are drawn on
 * the map. Each placed region carries the Natural Earth feature its coordinate was copied from;
 * each drawn route the document passage that names its waypoints; everything else is listed as not
 * placed, with the reason.
 */
import { z } from 'zod';
import { idSchema } from './schemas.js';

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

export const gazetteerPlaceSchema = z.object({
  actor: idSchema,
  name: z.string().min(1),
  lon: longitude,
  lat: latitude,
  source: z.object({
    dataset: z.literal('ne-admin1'),
    /** The Natural Earth feature's `name` and `adm1_code`. */
    feature: z.string().min(1),
    adm1Code: z.string().regex(/^[A-Z]{3}-\d+$/, 'must be a Natural Earth adm1_code such as KGZ-1122'),
    cite: z.string().min(1),
  }),
  note: z.string().min(1).optional(),
});

export const gazetteerRouteSchema = z.object({
  actor: idSchema,
  /** Placed actors, in the order the document names them. */
  waypoints: z.array(idSchema).min(2),
  citation: z.object({ source: idSchema, quote: z.string().min(1), location: z.string().min(1) }),
});

export const gazetteerSchema = z
  .object({
    about: z.string().min(1),
    datasets: z.record(z.string(), z.object({ title: z.string().min(1), package: z.string().min(1), file: z.string().min(1) }).loose()),
    places: z.array(gazetteerPlaceSchema),
    routes: z.array(gazetteerRouteSchema),
    notPlaced: z.array(z.object({ actor: idSchema, name: z.string().min(1), reason: z.string().min(1) })),
  })
  .superRefine((g, ctx) => {
    const placed = new Set(g.places.map((p) => p.actor));
    const seen = new Set<string>();
    const once = (id: string, path: (string | number)[]) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path, message: `${id} is listed twice` });
      seen.add(id);
    };
    g.places.forEach((p, i) => once(p.actor, ['places', i, 'actor']));
    g.routes.forEach((r, i) => {
      once(r.actor, ['routes', i, 'actor']);
      r.waypoints.forEach((w, j) => {
        if (!placed.has(w)) ctx.addIssue({ code: 'custom', path: ['routes', i, 'waypoints', j], message: `waypoint ${w} is not a placed region` });
      });
    });
    g.notPlaced.forEach((n, i) => once(n.actor, ['notPlaced', i, 'actor']));
  });

export type Gazetteer = z.infer<typeof gazetteerSchema>;
export type GazetteerPlace = z.infer<typeof gazetteerPlaceSchema>;
export type GazetteerRoute = z.infer<typeof gazetteerRouteSchema>;

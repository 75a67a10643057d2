import { z } from 'zod';
import { BadInputError } from './errors.js';
import { isCalendarDate } from './ingest/metadata.js';
import { NODE_LABELS, type NodeLabel } from './model.js';
import { LABEL_BY_PREFIX } from './query/neighbours.js';

/**
 * Argument validation shared by every public entry point — GraphQL resolvers, the export
 * route, ingestion (GraphQL, CLI, seeds) — so that the same input gets the same answer
 * everywhere. Each failure is a BadInputError that names the argument and what is allowed.
 */
export function check<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown, Err: new (m: string) => BadInputError = BadInputError): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => (i.path.length ? `"${i.path.join('.')}" ${i.message}` : i.message));
  throw new Err([...new Set(lines)].join('; '));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const oneLine = (max: number) =>
  z
    .string()
    .max(max, `has more than ${max} characters`)
    .refine((v) => !CONTROL.test(v), 'contains control characters (line breaks, tabs, NUL …); give it on one line');

/** A node id: a known prefix, a colon and a key (place:420921, initiative:…). */
export const NodeId = z
  .string()
  .max(300, 'is too long for an id')
  .refine((v) => LABEL_BY_PREFIX.has(v.slice(0, v.indexOf(':'))) && v.indexOf(':') > 0 && v.length > v.indexOf(':') + 1, {
    message: `is not a node id: ids look like place:420921 or initiative:…, with a prefix of ${[...LABEL_BY_PREFIX.keys()].join(', ')}`,
  });

export const ArticleId = z.string().regex(/^article:[0-9a-f]{16}$/, 'is not an article id (they look like article:0123456789abcdef)');

export const MAX_VIEW_DEPTH = 4;
export const MAX_VIEW_LIMIT = 2000;
export const MAX_HOPS = 10;

const NodeTypes = z
  .array(z.string())
  .max(NODE_LABELS.length * 2)
  .refine((ts) => ts.every((t) => (NODE_LABELS as readonly string[]).includes(t)), { message: `has an unknown node type; use ${NODE_LABELS.join(', ')}` })
  .transform((ts) => [...new Set(ts)] as NodeLabel[]);

/** A neighbourhood: GraphQL `graph(…)` and `GET /export/graph.*?focus=…`. */
export const ViewArgs = z.object({
  focus: z.array(NodeId).min(1, 'needs at least one node id').max(50, 'takes at most 50 node ids'),
  depth: z.number().int().min(0, `must be 0 to ${MAX_VIEW_DEPTH}`).max(MAX_VIEW_DEPTH, `must be 0 to ${MAX_VIEW_DEPTH}`),
  types: NodeTypes.nullish(),
  limit: z.number().int().min(1, `must be 1 to ${MAX_VIEW_LIMIT}`).max(MAX_VIEW_LIMIT, `must be 1 to ${MAX_VIEW_LIMIT}`),
});

export const PathArgs = z.object({
  from: NodeId,
  to: NodeId,
  maxHops: z.number().int().min(1, `must be 1 to ${MAX_HOPS}`).max(MAX_HOPS, `must be 1 to ${MAX_HOPS}`),
});

export { NodeTypes };

export const FilterText = z.string().trim().min(1, 'must not be empty').max(100, 'has more than 100 characters');
export const DateRange = z
  .object({ from: z.string().nullish(), to: z.string().nullish() })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: '"from" must not be after "to"' });

/** The Date scalar hands a Date (UTC midnight); the store keeps dates as YYYY-MM-DD strings. */
export function isoDay<T extends string | null | undefined>(d: Date | T): string | T {
  return d instanceof Date ? d.toISOString().slice(0, 10) : d;
}

export const ListFilter = z
  .object({ place: FilterText.nullish(), initiative: FilterText.nullish(), text: FilterText.nullish(), kind: z.string().nullish(), published: DateRange.nullish() })
  .nullish();

export const SearchArgs = z.object({
  query: z.string().trim().min(1, 'is empty; give a word or a name').max(200, 'has more than 200 characters'),
  first: z.number().int().min(1, 'must be at least 1').nullish(),
});

/** An article to ingest (GraphQL, CLI, seeds): exactly one of text or html, metadata on one line. */
export const IngestInput = (maxArticleChars: number) =>
  z
    .object({
      text: z.string().nullish(),
      html: z.string().nullish(),
      title: oneLine(300).nullish(),
      publisher: oneLine(100).nullish(),
      publishedAt: z.string().refine(isCalendarDate, 'must be a calendar date like 2021-02-23').nullish(),
      url: oneLine(2000).pipe(z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')).nullish(),
      source: oneLine(300).nullish(),
    })
    .superRefine((v, ctx) => {
      const given = [v.text, v.html].filter((x) => typeof x === 'string');
      if (given.length !== 1) return ctx.addIssue({ code: 'custom', message: 'give the article as exactly one of "text" or "html"' });
      const raw = given[0]!;
      if (raw.trim() === '') ctx.addIssue({ code: 'custom', message: 'the article is empty' });
      if (raw.length > maxArticleChars) {
        ctx.addIssue({ code: 'custom', message: `the article has ${raw.length} characters; at most ${maxArticleChars} are accepted (MAX_ARTICLE_CHARS)` });
      }
    });

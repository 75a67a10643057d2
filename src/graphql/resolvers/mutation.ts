import { z } from 'zod';
import { FACT_TYPES } from '../../ingest/fact-types/index.js';
import { prepareArticle, type ArticleInput } from '../../ingest/pipeline.js';
import { removeArticle, writeArticle } from '../../ingest/write.js';
import { audit } from '../../logger.js';
import { requireApiKey } from '../auth.js';
import { ArticleId, check, isoDay } from '../../validation.js';
import type { Context } from '../context.js';

export const mutationResolvers = {
  Mutation: {
    ingestArticle: async (_: unknown, args: { input: Omit<ArticleInput, 'publishedAt'> & { publishedAt?: Date | string | null } }, ctx: Context) => {
      await requireApiKey(ctx, 'ingestArticle');
      const input: ArticleInput = { ...args.input, publishedAt: isoDay(args.input.publishedAt) };
      const what = { who: ctx.client, operation: 'ingestArticle', url: input.url ?? undefined, title: input.title?.slice(0, 80) ?? undefined };
      try {
        // Parsing and extraction run in the worker (time- and memory-limited); the write here.
        const prepared = ctx.preparer ? await ctx.preparer.prepare(input) : prepareArticle(input);
        const s = await writeArticle(ctx.db, prepared.write);
        audit.info({ ...what, result: s.status, articleId: s.articleId, nodesCreated: s.nodesCreated }, 'article ingested');
        const article = await ctx.loaders.byId.load(s.articleId);
        const doc = prepared.extracted;
        return {
          status: s.status,
          article,
          nodesCreated: s.nodesCreated,
          nodesMerged: s.nodesMerged,
          relationshipsCreated: s.relationshipsCreated,
          extracted: Object.fromEntries(FACT_TYPES.map((t) => [t, (doc[t] as unknown[]).length])),
        };
      } catch (err) {
        audit.warn({ ...what, result: 'refused', reason: (err as Error).message?.slice(0, 200) }, 'article not ingested');
        throw err;
      }
    },
    removeArticle: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      await requireApiKey(ctx, 'removeArticle');
      check(z.object({ id: ArticleId }), { id });
      const removed = await removeArticle(ctx.db, id);
      audit.info({ who: ctx.client, operation: 'removeArticle', articleId: id, result: removed ? 'removed' : 'not-found' }, 'article removal');
      return { removed, removedId: id };
    },
  },
};

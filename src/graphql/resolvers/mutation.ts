import { ingestArticle, type ArticleInput } from '../../ingest/pipeline.js';
import { FACT_TYPES } from '../../ingest/fact-types/index.js';
import { removeArticle } from '../../ingest/write.js';
import { BadInputError } from '../../errors.js';
import { requireApiKey } from '../auth.js';
import type { Context } from '../context.js';

export const mutationResolvers = {
  Mutation: {
    ingestArticle: async (_: unknown, { input }: { input: ArticleInput }, ctx: Context) => {
      requireApiKey(ctx);
      const s = await ingestArticle(ctx.db, input);
      const article = await ctx.loaders.byId.load(s.articleId);
      const doc = s.prepared.extracted;
      return {
        status: s.status,
        article,
        nodesCreated: s.nodesCreated,
        nodesMerged: s.nodesMerged,
        relationshipsCreated: s.relationshipsCreated,
        extracted: Object.fromEntries(FACT_TYPES.map((t) => [t, (doc[t] as unknown[]).length])),
      };
    },
    removeArticle: async (_: unknown, { id }: { id: string }, ctx: Context) => {
      requireApiKey(ctx);
      if (!/^article:[0-9a-f]{16}$/.test(id)) throw new BadInputError(`"${id.slice(0, 60)}" is not an article id (they look like article:0123456789abcdef)`);
      return { removed: await removeArticle(ctx.db, id), id };
    },
  },
};

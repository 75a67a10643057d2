import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/**
 * Every setting the process reads, validated once at start-up. Limits live here with the
 * reason for each value, so the GraphQL layer and the query layer read one source.
 */
const EnvSchema = z.object({
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must look like bolt://host:7687 or neo4j://host:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_LOCAL_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_LOCAL_DATA_DIR: z.string().min(1).default('.neo4j-data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_ON_START: z.enum(['true', 'false']).default('true'),
  /** Key that GraphQL ingestion mutations require; unset disables them. */
  INGEST_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
});

export interface Limits {
  /** Largest page a connection returns; `first` above it is clamped (cost limits only see literals). */
  maxPageSize: number;
  defaultPageSize: number;
  /** Deepest selection; our deepest real client query (mentorship → mentor → mentorships → initiative → places → name) is 6. */
  maxDepth: number;
  /** Aliases per operation, with no allowlist (graphql-armor allows __typename by default). */
  maxAliases: number;
  /** Tokens per document; GraphiQL's introspection query is ~185 tokens. */
  maxTokens: number;
  maxCost: number;
  maxDirectives: number;
  /** Request body; 25 MB is yoga's default, far more than any query needs. */
  maxBodyBytes: number;
  /** Per-transaction timeout so a runaway query cannot hold a connection. */
  txTimeoutMs: number;
  /** How long a request waits for a pooled connection before we answer 503. */
  connectionAcquisitionTimeoutMs: number;
  maxSearchHits: number;
  /** Largest article accepted for ingestion (characters of text or HTML). */
  maxArticleChars: number;
}

export const LIMITS: Limits = {
  maxPageSize: 100,
  defaultPageSize: 20,
  maxDepth: 8,
  maxAliases: 15,
  maxTokens: 800,
  maxCost: 5000,
  maxDirectives: 20,
  maxBodyBytes: 1_000_000,
  txTimeoutMs: 10_000,
  connectionAcquisitionTimeoutMs: 5_000,
  maxSearchHits: 50,
  // Real articles of this genre are 2–20k characters; 500k leaves room for heavy HTML.
  maxArticleChars: Number(process.env.MAX_ARTICLE_CHARS ?? 500_000),
};

export type AppConfig = Omit<z.infer<typeof EnvSchema>, 'SEED_ON_START'> & {
  SEED_ON_START: boolean;
  limits: Limits;
};

/** Reads .env (if present) then the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): AppConfig {
  if (dotenv) loadDotenv({ quiet: true } as never);
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${lines.join('; ')}`);
  }
  return { ...parsed.data, SEED_ON_START: parsed.data.SEED_ON_START === 'true', limits: LIMITS };
}

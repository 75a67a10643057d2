import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { logger } from './logger.js';

/**
 * Every setting the process reads, validated once at start-up. This module is the only
 * reader of the environment: `.env` is loaded first, so it counts for every variable, and
 * the logger and every limit are set from the result. Limits live here with the reason for
 * each value, so the GraphQL layer, the query layer and ingestion read one source.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number({ message: 'must be a whole number' }).int('must be a whole number').min(min).max(max);

const Origin = z
  .string()
  .regex(/^https?:\/\/[^/\s,]+$/, 'each origin must look like https://example.org (scheme and host, no path)');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must look like bolt://host:7687 or neo4j://host:7687')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  PORT: int(0, 65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_LOCAL_PORT: int(1, 65535).default(7687),
  NEO4J_LOCAL_DATA_DIR: z.string().min(1).default('.neo4j-data'),
  /** JVM heap of the local engine (a big graph's batch writes need 2–4 GB of transaction state). */
  NEO4J_LOCAL_HEAP: z
    .string()
    .regex(/^[1-9][0-9]*[mMgG]$/, 'must be a JVM size such as 1g or 3072m')
    .default('1g'),
  /** Page cache of the local engine in MB: it should hold the store (the seed graph needs little). */
  NEO4J_LOCAL_PAGECACHE_MB: int(16, 1_048_576).default(128),
  /** A JDK 17/21 for the local Neo4j when the default java is another version. */
  NEO4J_JAVA_HOME: z.string().optional(),
  JAVA_HOME: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_ON_START: bool.default('true'),
  /** Key that GraphQL ingestion mutations require; unset disables them. */
  INGEST_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Unset: on in development, off when NODE_ENV=production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHIQL: bool.optional(),
  /** Comma-separated origins allowed to call the API from a browser; unset: no CORS at all. */
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(Origin))
    .optional(),
  /** Requests per minute and client address; 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(600),
  /** Failed API keys per minute and client address before it gets 429. */
  AUTH_FAILURES_PER_MINUTE: int(1, 10_000).default(10),
  /** Behind a reverse proxy: take the client address from the first X-Forwarded-For hop. */
  TRUST_PROXY: bool.default('false'),
  MAX_ARTICLE_CHARS: int(1_000, 5_000_000).default(500_000),
  MAX_QUERY_COST: int(100, 10_000_000).default(200_000),
  MAX_RESPONSE_BYTES: int(10_000, 1_000_000_000).default(4_000_000),
  DB_TIMEOUT_MS: int(100, 600_000).default(10_000),
  /** Bolt connections the server keeps to Neo4j (the driver's pool). */
  NEO4J_MAX_POOL_SIZE: int(1, 1_000).default(100),
  INGEST_TIMEOUT_MS: int(1_000, 600_000).default(60_000),
});

export interface Limits {
  /** Largest page a connection returns; `first` above it is refused. */
  maxPageSize: number;
  defaultPageSize: number;
  /** Deepest selection; our deepest real client query (mentorship → mentor → mentorships → initiative → places → name) is 6. */
  maxDepth: number;
  /** Aliases per operation, with no allowlist (graphql-armor allows __typename by default). */
  maxAliases: number;
  /** Tokens per document; GraphiQL's introspection query is ~185 tokens. */
  maxTokens: number;
  /**
   * Largest number of objects a query may ask for (see graphql/cost.ts): 100 mentorships with
   * both parties, initiative and evidence with article titles cost 2,401; 100 initiatives with
   * places, parents, mentorships with parties and evidence, and articles ~124,000; one alias of
   * places(first: 100) { articles { text } } costs 255,101 and is refused.
   */
  maxCost: number;
  /** The last line behind the cost model: a response larger than this is replaced by an error. */
  maxResponseBytes: number;
  maxDirectives: number;
  /**
   * Request body: a whole article of maxArticleChars in JSON, every character escaped as
   * \uXXXX in the worst case, plus room for the query and metadata.
   */
  maxBodyBytes: number;
  /** Per-transaction timeout (server side) and deadline (client side) of a read. */
  txTimeoutMs: number;
  /** How long a request waits for a pooled connection before we answer 503. */
  connectionAcquisitionTimeoutMs: number;
  maxPoolSize: number;
  /** How long /ready and the database monitor wait for `RETURN 1`. */
  probeTimeoutMs: number;
  maxSearchHits: number;
  /** Largest article accepted for ingestion (characters of text or HTML). */
  maxArticleChars: number;
  /** Parsing and extraction of one article, in its worker, before it is stopped. */
  ingestTimeoutMs: number;
  /** Deepest element nesting accepted in ingested HTML (real pages: < 60). */
  maxHtmlDepth: number;
}

function limitsFrom(env: z.infer<typeof EnvSchema>): Limits {
  return {
    maxPageSize: 100,
    defaultPageSize: 20,
    maxDepth: 8,
    maxAliases: 15,
    maxTokens: 800,
    maxCost: env.MAX_QUERY_COST,
    maxResponseBytes: env.MAX_RESPONSE_BYTES,
    maxDirectives: 20,
    maxBodyBytes: env.MAX_ARTICLE_CHARS * 6 + 64_000,
    txTimeoutMs: env.DB_TIMEOUT_MS,
    connectionAcquisitionTimeoutMs: 5_000,
    maxPoolSize: env.NEO4J_MAX_POOL_SIZE,
    probeTimeoutMs: 1_500,
    maxSearchHits: 50,
    // Real articles of this genre are 2–20k characters; 500k leaves room for heavy HTML.
    maxArticleChars: env.MAX_ARTICLE_CHARS,
    ingestTimeoutMs: env.INGEST_TIMEOUT_MS,
    maxHtmlDepth: 400,
  };
}

/** The limits in force: defaults until loadConfig runs, then what the environment says. */
export const LIMITS: Limits = limitsFrom(EnvSchema.parse({}));

type Env = z.infer<typeof EnvSchema>;
export type AppConfig = Omit<Env, 'GRAPHQL_INTROSPECTION' | 'GRAPHIQL' | 'CORS_ORIGINS'> & {
  GRAPHQL_INTROSPECTION: boolean;
  GRAPHIQL: boolean;
  CORS_ORIGINS: string[];
  limits: Limits;
};

/**
 * Reads .env (if present; it never overrides the real environment) then the environment;
 * throws ConfigError naming each bad variable. Sets the logger level and LIMITS.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): AppConfig {
  if (dotenv) loadDotenv({ quiet: true } as never);
  const known = new Set(Object.keys(EnvSchema.shape));
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => known.has(k) && v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const development = e.NODE_ENV !== 'production';
  const limits = limitsFrom(e);
  Object.assign(LIMITS, limits);
  logger.level = e.LOG_LEVEL;
  return {
    ...e,
    GRAPHQL_INTROSPECTION: e.GRAPHQL_INTROSPECTION ?? development,
    GRAPHIQL: e.GRAPHIQL ?? development,
    CORS_ORIGINS: e.CORS_ORIGINS ?? [],
    limits,
  };
}

import { destination, pino } from 'pino';

// Logs go to stderr, so that CLI commands can print JSON on stdout (npm run --silent extract).
// The level is set by loadConfig (config.ts is the one reader of the environment).
export const logger = pino({ level: 'info', base: undefined }, destination(2));
export type Logger = typeof logger;

/** One line per security-relevant event (failed auth, ingest, removal): who, what, result; never secrets. */
export const audit = logger.child({ audit: true });

import { destination, pino } from 'pino';

// Logs go to stderr, so that CLI commands can print JSON on stdout (npm run --silent extract).
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: undefined,
  },
  destination(2),
);
export type Logger = typeof logger;

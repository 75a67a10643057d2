import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Plugin } from 'graphql-yoga';
import { audit } from '../logger.js';
import { clientAddress } from './client.js';

/**
 * Two limits per client address: requests per minute (every route but the probes), and failed
 * API keys per minute (checked before a key is compared, so guessing stops at the limit).
 */
export interface RateLimits {
  requestsPerMinute: number;
  authFailuresPerMinute: number;
  trustProxy: boolean;
}

const PROBES = new Set(['/health', '/ready']);

export function tooMany(msBeforeNext: number, what: string): Response {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new Response(JSON.stringify({ errors: [{ message: `${what}; try again in ${seconds} s`, extensions: { code: 'RATE_LIMITED' } }] }), {
    status: 429,
    headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(seconds) },
  });
}

export function useRateLimit(limits: RateLimits): Plugin {
  const limiter = limits.requestsPerMinute > 0 ? new RateLimiterMemory({ points: limits.requestsPerMinute, duration: 60 }) : undefined;
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (!limiter || PROBES.has(url.pathname)) return;
      const who = clientAddress(request, serverContext, limits.trustProxy);
      try {
        await limiter.consume(who);
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        if (res.consumedPoints === limits.requestsPerMinute + 1) audit.warn({ who, event: 'rate-limited' }, 'client over the request rate limit');
        endResponse(tooMany(res.msBeforeNext, `more than ${limits.requestsPerMinute} requests per minute from this address`));
      }
    },
  };
}

/** Counts failed API keys per client; `check` throws before a blocked client's key is even compared. */
export class AuthFailures {
  private limiter: RateLimiterMemory;
  constructor(private perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** Milliseconds until this client may try a key again, or 0 when it may now. */
  async blockedFor(who: string): Promise<number> {
    const res = await this.limiter.get(who);
    return res && res.consumedPoints >= this.perMinute ? res.msBeforeNext : 0;
  }

  async failed(who: string): Promise<void> {
    await this.limiter.penalty(who, 1);
  }
}

/**
 * Who is asking: the peer address of the connection, or with TRUST_PROXY the first
 * X-Forwarded-For hop (only behind a proxy that sets it; otherwise any client could pick
 * its own bucket in the rate limiter).
 */
export interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const hop = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (hop) return hop;
  }
  return (serverContext as ServerContext | undefined)?.req?.socket?.remoteAddress ?? 'local';
}

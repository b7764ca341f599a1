/** Largest request body accepted, in bytes (HTTP 413 beyond). */
export const MAX_BODY_BYTES = 5_000_000;

/** Timeouts and caps of the HTTP server. */
export const HTTP_LIMITS = {
  /** A request (headers and body) must arrive whole within this; a slow body is cut (408). */
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  /** A connection with no traffic at all is closed after this. */
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  /**
   * Connections open at once from one client address: enough for a busy integrator or a reverse proxy's pool
   * (50 concurrent writers plus idle keep-alive connections from one host are normal), few enough that slow
   * bodies from one address cannot take every socket.
   */
  maxConnectionsPerAddress: 256,
  /** Tiles are many small requests: a map view asks for dozens at once. */
  tileRequestsPerGraphQLRequest: 10,
} as const;

/**
 * DNS rebinding: a web page the author visits can point its own host name at 127.0.0.1 and
 * then read the preview as a same-origin page. Its requests carry that host name, so the
 * preview answers only requests addressed to the loopback names, with its own port.
 */
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether a request's `Host` header names this preview: `127.0.0.1`, `localhost` or `[::1]`, with `port`. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host?.trim().toLowerCase() ?? '');
  if (!match || !LOOPBACK_NAMES.has(match[1]!)) return false;
  // Without a port a browser means 80.
  return Number(match[2] ?? 80) === port;
}

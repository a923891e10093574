/**
 * The client's address for rate limits: the first X-Forwarded-For hop (set by the proxy in
 * front of the app servers), else X-Real-IP, else "unknown".
 */
export function clientIp(header: (name: string) => string | null | undefined): string {
  return header("x-forwarded-for")?.split(",")[0]?.trim() || header("x-real-ip")?.trim() || "unknown";
}

/** Prisma's P2002: an insert or update hit a unique constraint (the same on SQLite and PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

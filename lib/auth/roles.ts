export const ROLES = ["user", "moderator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export interface CurrentUser {
  id: string;
  handle: string;
  role: Role;
}

export function isRole(value: unknown): value is Role {
  return ROLES.includes(value as Role);
}

/** Moderators and admins run the site: review, see decision-tree feedback, roll back. */
export function isModerator(user: { role?: Role } | null | undefined): boolean {
  return user?.role === "moderator" || user?.role === "admin";
}

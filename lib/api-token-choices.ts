// What a personal API token may be created with: shared by the profile's form (a client
// component) and lib/api-tokens.ts, which checks them.

export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** The form's scope choices: read only, or read and write. */
export const SCOPE_CHOICES = {
  read: { label: "Read only", scopes: ["read"] },
  "read write": { label: "Read and write", scopes: ["read", "write"] },
} as const satisfies Record<string, { label: string; scopes: readonly TokenScope[] }>;
export type ScopeChoice = keyof typeof SCOPE_CHOICES;

/** The form's expiry choices, in days; "never" is no expiry. */
export const EXPIRY_CHOICES = ["never", "30", "90", "365"] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

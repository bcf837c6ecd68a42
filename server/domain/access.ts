/**
 * Access vocabulary: the roles an API token can carry, weakest first, and what each allows.
 * Reading needs `viewer` when reads require a token; every write needs `editor`; `admin` is
 * everything an editor may do and more (the token CLI is the admin's tool).
 */
export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_INFO: Readonly<Record<Role, { label: string; description: string }>> = {
  viewer: { label: 'Viewer', description: 'reads the network, the evidence and the audit log' },
  editor: { label: 'Editor', description: 'also creates, updates, retires and merges records, with a citation each time' },
  admin: { label: 'Admin', description: 'everything an editor may do' },
};

/** Does `role` allow what `needed` allows? */
export function roleAllows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

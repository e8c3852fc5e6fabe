// Who calls: the three roles of SPEC §2, a caller's Cognito group. They belong
// to the domain (the case rules say which role may do what); the route manifest
// (functions/routes.ts) and the HTTP edge read them from here.
export const ROLES = ['reporter', 'desk', 'agency'] as const;
export type Role = (typeof ROLES)[number];

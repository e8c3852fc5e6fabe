// Which ID-token claims a user gets for their second factor. Cognito asks a
// user who has TOTP turned on for the code at every sign-in (the pool keeps
// MFA optional and remembers no devices), so "a desk or agency user with TOTP
// on" means "this sign-in used TOTP". Reporters get nothing: one factor is
// enough for them. Pure: the pre-token-generation trigger (functions/auth)
// looks the user's MFA settings up and asks this.
export const STAFF_MFA_CLAIM = 'staff_mfa';
export const STAFF_MFA_VALUE = 'totp';
export const STAFF_GROUPS: readonly string[] = ['desk', 'agency'];
/** Cognito's name for a TOTP authenticator in UserMFASettingList. */
export const TOTP_SETTING = 'SOFTWARE_TOKEN_MFA';

export const isStaff = (groups: readonly string[]): boolean => groups.some((g) => STAFF_GROUPS.includes(g));

export const staffMfaClaims = (
  groups: readonly string[],
  mfaSettings: readonly string[],
): Record<string, string> =>
  isStaff(groups) && mfaSettings.includes(TOTP_SETTING) ? { [STAFF_MFA_CLAIM]: STAFF_MFA_VALUE } : {};

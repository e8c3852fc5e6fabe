// Cognito pre-token-generation trigger (prod, config auth.staffMfaRequired):
// adds the staff second-factor claim to the ID token of a desk or agency user
// who has TOTP turned on (shared/domain/staff-mfa.ts says why that means this
// sign-in used it). The API refuses staff tokens without it (shared/http/principal.ts).
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { isStaff, staffMfaClaims } from '#domain/staff-mfa';

const cognito = new CognitoIdentityProviderClient({});

export const handler = async (
  event: PreTokenGenerationTriggerEvent,
): Promise<PreTokenGenerationTriggerEvent> => {
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  if (!isStaff(groups)) return event;
  const user = await cognito.send(
    new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }),
  );
  const claims = staffMfaClaims(groups, user.UserMFASettingList ?? []);
  if (Object.keys(claims).length > 0) {
    event.response = { claimsOverrideDetails: { claimsToAddOrOverride: claims } };
  }
  return event;
};

// What the briefings pages share: the API's types, the invitee list parser and
// the ad-hoc form's body (kept apart from the components so tests can run them).
import type { paths } from '../../api/client';
import { fromLocalInput } from '../../time';

export type Briefing = paths['/briefings/{id}']['get']['responses'][200]['content']['application/json'];
export type BriefingItem =
  paths['/briefings']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewBriefing = paths['/briefings']['post']['requestBody']['content']['application/json'];

/** Addresses typed one per line or separated by commas or semicolons; blanks dropped. */
export const parseInvitees = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export interface AdHocForm {
  title: string;
  startsAt: string;
  durationMinutes: string;
  location: string;
  invitees: string;
}

export const EMPTY_FORM: AdHocForm = {
  title: '',
  startsAt: '',
  durationMinutes: '',
  location: '',
  invitees: '',
};

/**
 * The POST /briefings body for the form, the local time read in `zone`; or the
 * field the console can already tell is wrong (the rest is the API's to check).
 */
export const adHocBody = (form: AdHocForm, zone: string): { body: NewBriefing } | { invalid: 'startsAt' } => {
  const startsAt = fromLocalInput(form.startsAt, zone);
  if (!startsAt) return { invalid: 'startsAt' };
  const body: NewBriefing = { title: form.title.trim(), startsAt };
  const duration = form.durationMinutes.trim();
  if (duration) body.durationMinutes = Number(duration);
  if (form.location.trim()) body.location = form.location.trim();
  const invitees = parseInvitees(form.invitees);
  if (invitees.length) body.invitees = invitees;
  return { body };
};

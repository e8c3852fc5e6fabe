// English strings of the deadline in working days and the escalation ladder (case page).
import type { Catalogue } from '../catalogue';

export const escalation: Catalogue['escalation'] = {
  inWorkingDays: 'Or: due in working days',
  inWorkingDaysHint:
    'From 1 to 60 working days (weekends and public holidays skipped). When filled in, the date above is ignored.',
  resultingDue: (when: string) => `The deadline will be: ${when}`,
  ladderTitle: 'Deadline reminders',
  ladderIntro: 'The reminder steps, in working days from the deadline.',
  next: (step: string, when: string) => `Next step: ${step}, at ${when}`,
  noNext: 'No reminder step is left.',
  step: {
    reminder: 'Reminder',
    due: 'Deadline',
    overdue: 'Overdue',
  },
  state: {
    skipped: 'skipped (before the assignment)',
    passed: 'passed',
    current: 'applies now',
    upcoming: 'upcoming',
  },
  to: { agency: 'agency', agencyHead: 'head of agency', deskLead: 'desk lead' },
  offset: (n: number) =>
    n === 0
      ? 'at the deadline'
      : n < 0
        ? `${-n} working ${n === -1 ? 'day' : 'days'} before`
        : `${n} working ${n === 1 ? 'day' : 'days'} after`,
};

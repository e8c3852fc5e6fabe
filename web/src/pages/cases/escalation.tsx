// The deadline in working days (assign form) and where a verifying case stands
// on the escalation ladder (case page), both computed in the browser from
// `/reference` (the calendar and the steps) with the server's own pure
// functions, so what is shown is what the server will store and send. The
// steps already sent are not shown: only their moments (docs/console.md).
import { ladderPosition } from '#domain/escalation';
import { dueInWorkingDays } from '#domain/working-days';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import type { Reference } from '../../reference';
import { dateTime } from '../../time';
import { Field } from '../../ui/field';

/** A reference cached before the calendar was served has none: the controls then stay hidden. */
const ladderConfig = (reference: Reference) =>
  reference.calendar && reference.escalation
    ? {
        calendar: reference.calendar as Parameters<typeof dueInWorkingDays>[0],
        timeZone: config().timeZone,
        escalation: reference.escalation,
      }
    : null;

export const DueInWorkingDays = ({
  id,
  field,
  reference,
  error,
}: {
  id: string;
  field: { value: string; onInput: (e: Event) => void };
  reference: Reference;
  error: string | undefined;
}) => {
  const { t, lang } = useI18n();
  const ladder = ladderConfig(reference);
  if (!ladder) return null;
  const n = Number(field.value);
  const valid = field.value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= 60;
  const due = valid ? dueInWorkingDays(ladder.calendar, new Date(), n, ladder.timeZone).toISOString() : null;
  return (
    <>
      <Field id={id} label={t.escalation.inWorkingDays} hint={t.escalation.inWorkingDaysHint} error={error}>
        <input type="number" inputMode="numeric" min={1} max={60} step={1} {...field} />
      </Field>
      {due ? (
        <p class="hint" role="status" data-testid="resulting-due">
          {t.escalation.resultingDue(dateTime(due, lang, ladder.timeZone))}
        </p>
      ) : null}
    </>
  );
};

export const LadderPanel = ({
  c,
  reference,
}: {
  c: { status: string; dueAt: string | null; assignedAt?: string | null };
  reference: Reference;
}) => {
  const { t, lang } = useI18n();
  const ladder = ladderConfig(reference);
  if (!ladder || c.status !== 'verifying' || !c.dueAt) return null;
  const { steps, next } = ladderPosition(
    ladder,
    { dueAt: c.dueAt, assignedAt: c.assignedAt ?? null },
    new Date(),
  );
  const name = (id: string) => t.escalation.step[id] ?? id;
  const when = (d: Date) => dateTime(d.toISOString(), lang, ladder.timeZone);
  return (
    <section class="card" aria-labelledby="case-ladder-title" data-testid="case-ladder">
      <h2 id="case-ladder-title">{t.escalation.ladderTitle}</h2>
      <p>{t.escalation.ladderIntro}</p>
      <p>
        <strong>{next ? t.escalation.next(name(next.id), when(next.at)) : t.escalation.noNext}</strong>
      </p>
      <ol>
        {steps.map((s) => (
          <li key={s.id}>
            {name(s.id)} ({t.escalation.offset(s.workingDays)},{' '}
            {s.to.map((r) => t.escalation.to[r]).join(', ')}): {when(s.at)} — {t.escalation.state[s.state]}
          </li>
        ))}
      </ol>
    </section>
  );
};

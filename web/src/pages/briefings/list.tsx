// The desk's briefings: the upcoming regular and ad-hoc briefings (the next 60
// days, the API's default window), cancelled ones marked, and the form that
// schedules an ad-hoc briefing at a local time in the configured zone.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiProblem, api, call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { dateTime, timeZoneLabel } from '../../time';
import { Field } from '../../ui/field';
import { Empty, ErrorBox, LoadView } from '../../ui/states';
import { type AdHocForm, adHocBody, type BriefingItem, EMPTY_FORM } from './briefings-model';
import './briefings.css';

const loadAll = async (): Promise<BriefingItem[]> => {
  const items: BriefingItem[] = [];
  let cursor: string | undefined;
  do {
    const { data } = await call(
      api().GET('/briefings', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }),
    );
    items.push(...data.items);
    cursor = data.nextCursor ?? undefined;
  } while (cursor && items.length < 500);
  return items.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
};

export const BriefingLine = ({ b }: { b: BriefingItem }) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const cancelled = b.status === 'cancelled';
  return (
    <li class={cancelled ? 'briefing-cancelled' : undefined}>
      <div class="row">
        <a href={`/briefings/${b.id}`} class="briefing-title">
          {b.title}
        </a>
        <span class={`chip chip-kind-${b.kind}`}>{t.briefings.kind[b.kind]}</span>
        {cancelled ? <span class="chip chip-cancelled">{t.briefings.status.cancelled}</span> : null}
      </div>
      <p class="meta">
        <time dateTime={b.startsAt}>{dateTime(b.startsAt, lang, zone)}</time> ·{' '}
        {t.briefings.minutes(b.durationMinutes)}
        {b.location ? ` · ${t.briefings.at(b.location)}` : ''}
      </p>
      {cancelled && b.cancelReason ? (
        <p class="meta">{t.briefings.cancelledBecause(b.cancelReason)}</p>
      ) : null}
    </li>
  );
};

const AdHocFormCard = () => {
  const { t } = useI18n();
  const { route } = useLocation();
  const zone = config().timeZone;
  const [form, setForm] = useState<AdHocForm>(EMPTY_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [localError, setLocalError] = useState<string>();
  const set = (k: keyof AdHocForm) => (e: Event) =>
    setForm((f) => ({ ...f, [k]: (e.currentTarget as HTMLInputElement).value }));
  const problem = error instanceof ApiProblem ? error : undefined;
  const fieldError = (pointer: string) => problem?.fieldError(pointer);

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    setLocalError(undefined);
    const built = adHocBody(form, zone);
    if ('invalid' in built) {
      setLocalError(t.briefings.invalidTime);
      return;
    }
    setBusy(true);
    try {
      const { data } = await call(api().POST('/briefings', { body: built.body }));
      route(`/briefings/${data.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="adhoc-title">
      <h2 id="adhoc-title">{t.briefings.newTitle}</h2>
      <form onSubmit={submit} noValidate>
        {error ? (
          problem?.errors.length ? (
            <p class="alert alert-error" role="alert">
              {t.common.fieldErrors} {problem.detail ?? ''}
            </p>
          ) : (
            <ErrorBox error={error} />
          )
        ) : null}
        <div class="form-grid briefing-form">
          <Field id="adhoc-title-input" label={t.briefings.fieldTitle} required error={fieldError('/title')}>
            <input type="text" value={form.title} onInput={set('title')} maxLength={200} autoComplete="off" />
          </Field>
          <Field
            id="adhoc-starts"
            label={t.briefings.fieldStartsAt}
            required
            hint={t.briefings.fieldStartsAtHint(timeZoneLabel(zone, new Date().toISOString()))}
            error={localError ?? fieldError('/startsAt')}
          >
            <input type="datetime-local" value={form.startsAt} onInput={set('startsAt')} />
          </Field>
          <Field
            id="adhoc-duration"
            label={t.briefings.fieldDuration}
            hint={t.briefings.fieldDurationHint}
            error={fieldError('/durationMinutes')}
          >
            <input
              type="number"
              inputMode="numeric"
              min={15}
              max={600}
              step={5}
              value={form.durationMinutes}
              onInput={set('durationMinutes')}
            />
          </Field>
          <Field id="adhoc-location" label={t.briefings.fieldLocation} error={fieldError('/location')}>
            <input type="text" value={form.location} onInput={set('location')} autoComplete="off" />
          </Field>
          <Field
            id="adhoc-invitees"
            label={t.briefings.fieldInvitees}
            hint={t.briefings.fieldInviteesHint}
            error={fieldError('/invitees')}
          >
            <textarea rows={3} value={form.invitees} onInput={set('invitees')} autoComplete="off" />
          </Field>
        </div>
        <button type="submit" class="button button-primary" disabled={busy}>
          {busy ? t.briefings.creating : t.briefings.create}
        </button>
      </form>
    </section>
  );
};

export default function Briefings() {
  const { t } = useI18n();
  const load = useLoad('briefings', loadAll);
  return (
    <div class="briefings-page">
      <h1 class="page-title">{t.briefings.title}</h1>
      <div class="columns briefings-columns">
        <section class="card" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">{t.briefings.upcoming}</h2>
          <LoadView load={load}>
            {(items) =>
              items.length === 0 ? (
                <Empty>{t.briefings.empty}</Empty>
              ) : (
                <ul class="list briefing-list">
                  {items.map((b) => (
                    <BriefingLine key={b.id} b={b} />
                  ))}
                </ul>
              )
            }
          </LoadView>
        </section>
        <AdHocFormCard />
      </div>
    </div>
  );
}

// One briefing: when and where, its agenda (the cases flagged for it, each a
// link to its case), putting open cases on the agenda (the case action
// `flag-briefing` with If-Match; a 412 keeps the selection and retries on the
// new version), and cancel or reschedule, each confirmed before it is sent.
import { useState } from 'preact/hooks';
import { ApiProblem, api, call, versionOf } from '../../api/client';
import { type Load, useLoad } from '../../api/use-load';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { dateTime, fromLocalInput, timeZoneLabel, toLocalInput } from '../../time';
import { CaseStatusChip } from '../../ui/chips';
import { Field } from '../../ui/field';
import { Empty, ErrorBox, LoadView } from '../../ui/states';
import type { Briefing } from './briefings-model';
import './briefings.css';

type CaseItem = {
  id: string;
  title: string;
  status: 'open' | 'verifying' | 'responded' | 'closed';
  agencyId: string | null;
  briefingId: string | null;
  version: number;
};

/** The cases that could go on the agenda: every case not closed, not on this briefing yet. */
const loadCandidates = async (briefingId: string): Promise<CaseItem[]> => {
  const items: CaseItem[] = [];
  for (const status of ['open', 'verifying', 'responded'] as const) {
    let cursor: string | undefined;
    do {
      const { data } = await call(
        api().GET('/cases', { params: { query: { status, limit: 100, ...(cursor ? { cursor } : {}) } } }),
      );
      items.push(...data.items);
      cursor = data.nextCursor ?? undefined;
    } while (cursor && items.length < 300);
  }
  return items.filter((c) => c.briefingId !== briefingId);
};

interface Conflict {
  id: string;
  title: string;
  from: number;
  to: number | undefined;
}

/**
 * Sends `flag-briefing` to each case with its known version. Answers the cases
 * done and the ones that met a 412 (with the version the case has now, read
 * again so that the retry sends it).
 */
const flagCases = async (
  cases: { id: string; title: string; version: number }[],
  briefingId: string | null,
): Promise<{ done: string[]; conflicts: Conflict[]; error?: unknown }> => {
  const done: string[] = [];
  const conflicts: Conflict[] = [];
  for (const c of cases) {
    try {
      await call(
        api().POST('/cases/{id}/actions', {
          params: { path: { id: c.id }, header: { 'If-Match': `"${c.version}"` } },
          body: { action: 'flag-briefing', briefingId },
        }),
      );
      done.push(c.id);
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 412) {
        let to: number | undefined;
        try {
          const { response } = await call(api().GET('/cases/{id}', { params: { path: { id: c.id } } }));
          to = versionOf(response);
        } catch {
          to = undefined;
        }
        conflicts.push({ id: c.id, title: c.title, from: c.version, to });
      } else {
        return { done, conflicts, error: err };
      }
    }
  }
  return { done, conflicts };
};

const Facts = ({ b }: { b: Briefing }) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  return (
    <dl class="briefing-facts">
      <dt>{t.briefings.startsAt}</dt>
      <dd>
        <time dateTime={b.startsAt}>{dateTime(b.startsAt, lang, zone)}</time>
      </dd>
      <dt>{t.briefings.duration}</dt>
      <dd>{t.briefings.minutes(b.durationMinutes)}</dd>
      <dt>{t.briefings.location}</dt>
      <dd>{b.location || t.briefings.noLocation}</dd>
      {b.invitees ? (
        <>
          <dt>{t.briefings.invitees}</dt>
          <dd>
            {t.briefings.inviteesCount(b.invitees.length)}
            {b.invitees.length ? <span class="meta"> — {b.invitees.join(', ')}</span> : null}
          </dd>
        </>
      ) : null}
    </dl>
  );
};

const Agenda = ({ b, onChanged }: { b: Briefing; onChanged: () => void }) => {
  const { t } = useI18n();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [note, setNote] = useState<string>();

  const remove = async (caseId: string, title: string) => {
    setBusy(caseId);
    setError(undefined);
    setNote(undefined);
    try {
      const { response } = await call(api().GET('/cases/{id}', { params: { path: { id: caseId } } }));
      const version = versionOf(response) ?? 0;
      const result = await flagCases([{ id: caseId, title, version }], null);
      if (result.error) setError(result.error);
      else if (result.conflicts.length) setError(new ApiProblem(412, { title: t.briefings.conflict(title) }));
      else setNote(t.briefings.removed);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <section class="card" aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t.briefings.agenda}</h2>
      {note ? (
        <p class="alert alert-ok" role="status">
          {note}
        </p>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      {b.agenda.length === 0 ? (
        <Empty>{t.briefings.agendaEmpty}</Empty>
      ) : (
        <ul class="list agenda-list">
          {b.agenda.map((item) => (
            <li key={item.caseId}>
              <div class="row">
                <a href={`/cases/${item.caseId}`} class="briefing-title">
                  {item.title}
                </a>
                <CaseStatusChip status={item.status as CaseItem['status']} />
              </div>
              <p class="meta">{item.agencyName ?? t.briefings.unassigned}</p>
              {b.status === 'scheduled' ? (
                <button
                  type="button"
                  class="link-button"
                  disabled={busy !== undefined}
                  onClick={() => void remove(item.caseId, item.title)}
                >
                  {t.briefings.removeFromAgenda}
                  <span class="visually-hidden">: {item.title}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

const AddCases = ({ b, onChanged, round }: { b: Briefing; onChanged: () => void; round: number }) => {
  const { t } = useI18n();
  const candidates = useLoad(`briefing-candidates:${b.id}:${round}`, () => loadCandidates(b.id));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [note, setNote] = useState<string>();

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const send = async (items: CaseItem[]) => {
    // A case that met a 412 goes again with the version read after it.
    const known = new Map(conflicts.map((c) => [c.id, c.to]));
    const batch = items
      .filter((c) => selected.has(c.id))
      .map((c) => ({ id: c.id, title: c.title, version: known.get(c.id) ?? c.version }));
    if (!batch.length) return;
    setBusy(true);
    setError(undefined);
    setNote(undefined);
    const result = await flagCases(batch, b.id);
    setBusy(false);
    setConflicts(result.conflicts);
    if (result.error) setError(result.error);
    if (result.done.length) {
      setNote(t.briefings.added(result.done.length));
      setSelected((s) => new Set([...s].filter((id) => !result.done.includes(id))));
      onChanged();
      if (candidates.state !== 'loading' && candidates.state !== 'error')
        candidates.setData(candidates.data.filter((c) => !result.done.includes(c.id)));
    }
  };

  return (
    <section class="card" aria-labelledby="add-title">
      <h2 id="add-title">{t.briefings.addTitle}</h2>
      <p class="meta">{t.briefings.addIntro}</p>
      {note ? (
        <p class="alert alert-ok" role="status">
          {note}
        </p>
      ) : null}
      {conflicts.length ? (
        <div class="alert alert-warn" role="alert">
          <p>
            {t.briefings.conflict(
              conflicts
                .map((c) => `“${c.title}” (${c.to ? t.briefings.conflictVersion(c.from, c.to) : c.from})`)
                .join(', '),
            )}
          </p>
        </div>
      ) : null}
      {error ? <ErrorBox error={error} /> : null}
      <CandidateList
        load={candidates}
        selected={selected}
        toggle={toggle}
        busy={busy}
        retry={conflicts.length > 0}
        onSend={(items) => void send(items)}
      />
    </section>
  );
};

const CandidateList = ({
  load,
  selected,
  toggle,
  busy,
  retry,
  onSend,
}: {
  load: Load<CaseItem[]>;
  selected: Set<string>;
  toggle: (id: string) => void;
  busy: boolean;
  retry: boolean;
  onSend: (items: CaseItem[]) => void;
}) => {
  const { t } = useI18n();
  return (
    <LoadView load={load}>
      {(items) =>
        items.length === 0 ? (
          <Empty>{t.briefings.addEmpty}</Empty>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              onSend(items);
            }}
          >
            <ul class="list pick-list">
              {items.map((c) => (
                <li key={c.id}>
                  <input
                    type="checkbox"
                    id={`pick-${c.id}`}
                    checked={selected.has(c.id)}
                    onChange={() => toggle(c.id)}
                  />
                  <div>
                    <label for={`pick-${c.id}`} class="briefing-title">
                      {c.title}
                    </label>{' '}
                    <CaseStatusChip status={c.status} />
                    {c.briefingId ? <p class="meta">{t.briefings.onOtherBriefing}</p> : null}
                  </div>
                </li>
              ))}
            </ul>
            <button type="submit" class="button button-primary" disabled={busy || selected.size === 0}>
              {busy
                ? t.briefings.adding
                : retry
                  ? t.briefings.retryConflicts
                  : t.briefings.addSelected(selected.size)}
            </button>
          </form>
        )
      }
    </LoadView>
  );
};

const Actions = ({ b, onUpdated }: { b: Briefing; onUpdated: (b: Briefing) => void }) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const [open, setOpen] = useState<'cancel' | 'reschedule' | null>(null);
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState(() => toLocalInput(b.startsAt, zone));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [localError, setLocalError] = useState<string>();
  const [note, setNote] = useState<string>();
  const problem = error instanceof ApiProblem ? error : undefined;
  const zoneLabel = timeZoneLabel(zone, b.startsAt);

  const send = async (
    body: { action: 'cancel'; reason: string } | { action: 'reschedule'; startsAt: string },
  ) => {
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await call(
        api().POST('/briefings/{id}/actions', { params: { path: { id: b.id } }, body }),
      );
      onUpdated({ ...b, ...data });
      setNote(
        body.action === 'cancel'
          ? t.briefings.cancelled
          : t.briefings.rescheduled(dateTime(data.startsAt, lang, zone)),
      );
      setOpen(null);
      setConfirming(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const show = (which: 'cancel' | 'reschedule' | null) => {
    setOpen(which);
    setConfirming(false);
    setError(undefined);
    setLocalError(undefined);
    setNote(undefined);
  };

  const newStart = fromLocalInput(when, zone);
  return (
    <section class="card" aria-labelledby="actions-title">
      <h2 id="actions-title">{t.briefings.actions}</h2>
      {note ? (
        <p class="alert alert-ok" role="status">
          {note}
        </p>
      ) : null}
      {b.status === 'cancelled' ? (
        <p class="alert alert-info">{t.briefings.isCancelled}</p>
      ) : (
        <>
          <div class="row">
            <button
              type="button"
              class="button"
              aria-expanded={open === 'reschedule'}
              onClick={() => show(open === 'reschedule' ? null : 'reschedule')}
            >
              {t.briefings.rescheduleOpen}
            </button>
            <button
              type="button"
              class="button button-danger"
              aria-expanded={open === 'cancel'}
              onClick={() => show(open === 'cancel' ? null : 'cancel')}
            >
              {t.briefings.cancelOpen}
            </button>
          </div>
          {open === 'reschedule' ? (
            <form
              class="confirm-panel"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (!newStart) {
                  setLocalError(t.briefings.invalidTime);
                  return;
                }
                setLocalError(undefined);
                if (!confirming) setConfirming(true);
                else void send({ action: 'reschedule', startsAt: newStart });
              }}
            >
              {error && !problem?.fieldError('/startsAt') ? <ErrorBox error={error} /> : null}
              <Field
                id="reschedule-at"
                label={t.briefings.rescheduleTo}
                required
                hint={t.briefings.rescheduleHint(zoneLabel)}
                error={localError ?? problem?.fieldError('/startsAt')}
              >
                <input
                  type="datetime-local"
                  value={when}
                  onInput={(e) => {
                    setWhen(e.currentTarget.value);
                    setConfirming(false);
                  }}
                />
              </Field>
              {confirming && newStart ? (
                <p role="status">
                  <strong>{t.briefings.rescheduleQuestion(dateTime(newStart, lang, zone))}</strong>
                </p>
              ) : null}
              <div class="row">
                <button type="submit" class="button button-primary" disabled={busy}>
                  {confirming ? t.briefings.rescheduleConfirm : t.briefings.rescheduleOpen}
                </button>
                <button type="button" class="button" onClick={() => show(null)}>
                  {t.briefings.keep}
                </button>
              </div>
            </form>
          ) : null}
          {open === 'cancel' ? (
            <form
              class="confirm-panel"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void send({ action: 'cancel', reason: reason.trim() });
              }}
            >
              {error && !problem?.fieldError('/reason') ? <ErrorBox error={error} /> : null}
              <Field
                id="cancel-reason"
                label={t.briefings.cancelReason}
                required
                hint={t.briefings.cancelReasonHint}
                error={problem?.fieldError('/reason')}
              >
                <input type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
              </Field>
              <div class="row">
                <button type="submit" class="button button-danger" disabled={busy}>
                  {t.briefings.cancelConfirm}
                </button>
                <button type="button" class="button" onClick={() => show(null)}>
                  {t.briefings.cancelKeep}
                </button>
              </div>
            </form>
          ) : null}
        </>
      )}
    </section>
  );
};

export default function BriefingPage({ id }: { id: string }) {
  const { t } = useI18n();
  // Bumped when a case leaves the agenda: the cases offered are read again (it is offered once more).
  const [removed, setRemoved] = useState(0);
  const load = useLoad(
    `briefing:${id}`,
    async () => (await call(api().GET('/briefings/{id}', { params: { path: { id } } }))).data,
  );
  return (
    <LoadView load={load} lines={6}>
      {(b) => {
        const setData = load.state === 'ready' || load.state === 'stale' ? load.setData : () => undefined;
        const reload = load.state === 'ready' || load.state === 'stale' ? load.reload : () => undefined;
        return (
          <div class="briefing-page">
            <p>
              <a href="/briefings">← {t.briefings.back}</a>
            </p>
            <div class="page-title">
              <h1>{b.title}</h1>
              <span class={`chip chip-kind-${b.kind}`}>{t.briefings.kind[b.kind]}</span>
              {b.status === 'cancelled' ? (
                <span class="chip chip-cancelled">{t.briefings.status.cancelled}</span>
              ) : null}
            </div>
            {b.status === 'cancelled' && b.cancelReason ? (
              <p class="alert alert-info">{t.briefings.cancelledBecause(b.cancelReason)}</p>
            ) : null}
            <div class="columns briefings-columns">
              <div>
                <section class="card" aria-labelledby="details-title">
                  <h2 id="details-title">{t.briefings.details}</h2>
                  <Facts b={b} />
                </section>
                <Agenda
                  b={b}
                  onChanged={() => {
                    reload();
                    setRemoved((n) => n + 1);
                  }}
                />
                {b.status === 'scheduled' ? <AddCases b={b} onChanged={reload} round={removed} /> : null}
              </div>
              <Actions key={b.id} b={b} onUpdated={(next) => setData({ ...b, ...next })} />
            </div>
          </div>
        );
      }}
    </LoadView>
  );
}

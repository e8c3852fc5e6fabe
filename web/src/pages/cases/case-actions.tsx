// The case's next steps: exactly the actions `/reference` caseActions allows in
// its state for the caller's role, each with its form. Every action sends
// If-Match with the version the page shows. On 412 the page shows the case as
// it is now and what changed, the form keeps what was typed, and one click
// re-sends on the new version. What is typed is also kept per case and action
// in session storage, so a reload loses nothing.
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, api, call } from '../../api/client';
import type { Role } from '../../auth/session';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { nameOf, type Reference } from '../../reference';
import { dateTime, timeZoneLabel, toLocalInput } from '../../time';
import { Field } from '../../ui/field';
import { useErrorText } from '../../ui/states';
import {
  type ActionName,
  actionBody,
  allowedActions,
  type CaseChanges,
  type CaseDetail,
  caseChanges,
  changesSinceDraft,
  closeOutcomes,
  type Draft,
  draftedAction,
  dropDraft,
  initialFields,
  readDraft,
  withVersion,
  writeDraft,
} from './case-model';
import { DueInWorkingDays } from './escalation';
import { TemplatePicker } from './template-picker';

export interface Shown {
  data: CaseDetail;
  version: number;
}

type Briefing = { id: string; title: string; startsAt: string };

type SendState =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'error'; error: unknown }
  | { state: 'conflict'; changes: CaseChanges }
  /** A draft restored after a reload, typed against an older version. */
  | { state: 'changed-since'; changes: CaseChanges };

export const CaseActions = ({
  shown,
  role,
  reference,
  refresh,
  preset,
}: {
  shown: Shown;
  role: Role;
  reference: Reference;
  /** Reads the case again and shows it; resolves with what it shows. */
  refresh: () => Promise<Shown>;
  /** A form opened from elsewhere on the page (a report's "Unlink"), with fields filled in. */
  preset?: { action: ActionName; fields: Draft; at: number } | null;
}) => {
  const { t } = useI18n();
  const c = shown.data;
  const actions = allowedActions(reference.caseActions, c.status, role);
  const [open, setOpen] = useState<ActionName | null>(() => draftedAction(c.id, actions) ?? null);
  const [fields, setFields] = useState<Draft>(() =>
    open ? initialFields(open, c, readDraft(c.id, open)) : {},
  );
  const [send, setSend] = useState<SendState>(() => {
    const changes = changesSinceDraft(c, open ? readDraft(c.id, open) : undefined);
    return changes.entries.length > 0 ? { state: 'changed-since', changes } : { state: 'idle' };
  });
  const [done, setDone] = useState<ActionName | null>(null);
  const restored = useRef(open !== null);
  const alertRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focusForm = useRef(false);

  // Keyboard and screen-reader users land where the page changed: the form
  // just opened, the conflict or the error, the confirmation.
  useEffect(() => {
    if (send.state === 'conflict' || send.state === 'error') alertRef.current?.focus();
  }, [send]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  useEffect(() => {
    if (open && focusForm.current) {
      focusForm.current = false;
      formRef.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    }
  }, [open]);

  const choose = (action: ActionName) => {
    restored.current = false;
    setDone(null);
    setSend({ state: 'idle' });
    if (open === action) {
      setOpen(null);
      return;
    }
    focusForm.current = true;
    setOpen(action);
    setFields(initialFields(action, c, readDraft(c.id, action)));
  };

  const changeMany = (values: Draft) => {
    if (!open) return;
    const next = { ...fields, ...values };
    setFields(next);
    writeDraft(c.id, open, withVersion(next, shown.version));
  };
  const change = (name: string, value: string) => changeMany({ [name]: value });

  // A report's "Unlink" button opens the form with that report chosen.
  useEffect(() => {
    if (!preset || !actions.includes(preset.action)) return;
    restored.current = false;
    setDone(null);
    setSend({ state: 'idle' });
    focusForm.current = true;
    setOpen(preset.action);
    setFields({ ...initialFields(preset.action, c, readDraft(c.id, preset.action)), ...preset.fields });
  }, [preset?.at]);

  const cancel = () => {
    if (open) dropDraft(c.id, open);
    setOpen(null);
    setSend({ state: 'idle' });
  };

  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (!open || send.state === 'sending') return;
    const action = open;
    const body = actionBody(action, fields, config().timeZone);
    const before = shown;
    setSend({ state: 'sending' });
    try {
      await call(
        api().POST('/cases/{id}/actions', {
          params: { path: { id: c.id }, header: { 'If-Match': `"${before.version}"` } },
          body,
        }),
      );
      dropDraft(c.id, action);
      setOpen(null);
      setFields({});
      // Show the case as it is now, then say it is done.
      await refresh().catch(() => undefined);
      setSend({ state: 'idle' });
      setDone(action);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        try {
          const now = await refresh();
          setSend({ state: 'conflict', changes: caseChanges(before.data, now.data) });
        } catch (readError) {
          setSend({ state: 'error', error: readError });
        }
        return;
      }
      // A state that no longer allows it (409): show the case as it is now.
      if (error instanceof ApiProblem && error.status === 409) await refresh().catch(() => undefined);
      setSend({ state: 'error', error });
    }
  };

  const stillAllowed = open !== null && actions.includes(open);

  return (
    <section class="card case-actions" aria-labelledby="case-actions-title">
      <h2 id="case-actions-title">{t.cases.next}</h2>
      {done ? (
        <p class="alert alert-ok" role="status" tabIndex={-1} ref={doneRef}>
          {t.cases.done[done]}
        </p>
      ) : null}
      {actions.length === 0 ? <p class="empty">{t.cases.noActions}</p> : null}
      <div class="row case-action-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            class={`button${open === a ? ' button-primary' : ''}`}
            aria-expanded={open === a}
            aria-controls={open === a ? 'case-action-form' : undefined}
            onClick={() => choose(a)}
          >
            {t.cases.action[a]}
          </button>
        ))}
      </div>
      {send.state === 'conflict' || send.state === 'changed-since' ? (
        <ConflictBox
          boxRef={alertRef}
          changes={send.changes}
          sinceDraft={send.state === 'changed-since'}
          reference={reference}
          canRetry={stillAllowed}
          onRetry={() => void submit()}
        />
      ) : null}
      {send.state === 'error' ? <SendError boxRef={alertRef} error={send.error} /> : null}
      {open ? (
        <form
          id="case-action-form"
          ref={formRef}
          class="case-form"
          noValidate
          onSubmit={(e) => void submit(e)}
        >
          <h3>{t.cases.action[open]}</h3>
          {restored.current ? (
            <p class="alert alert-info" role="status">
              {t.cases.form.draftKept}
            </p>
          ) : null}
          {!stillAllowed && send.state !== 'conflict' && send.state !== 'changed-since' ? (
            <p class="alert alert-warn" role="status">
              {t.cases.notAllowedNow}
            </p>
          ) : null}
          <ActionFields
            action={open}
            fields={fields}
            change={change}
            changeMany={changeMany}
            shown={c}
            reference={reference}
            problem={send.state === 'error' && send.error instanceof ApiProblem ? send.error : undefined}
          />
          <div class="row">
            <button
              type="submit"
              class="button button-primary"
              disabled={send.state === 'sending' || !stillAllowed}
            >
              {send.state === 'sending' ? t.cases.form.sending : t.cases.action[open]}
            </button>
            <button type="button" class="button" onClick={cancel}>
              {t.cases.form.cancel}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
};

const SendError = ({ error, boxRef }: { error: unknown; boxRef: Ref<HTMLDivElement> }) => {
  const { t } = useI18n();
  const text = useErrorText();
  const fieldErrors = error instanceof ApiProblem && error.errors.length > 0;
  return (
    <div class="alert alert-error" role="alert" tabIndex={-1} ref={boxRef}>
      <p>{text(error)}</p>
      {fieldErrors ? <p>{t.common.fieldErrors}</p> : null}
    </div>
  );
};

const ConflictBox = ({
  changes,
  reference,
  canRetry,
  onRetry,
  boxRef,
  sinceDraft = false,
}: {
  changes: CaseChanges;
  /** Only the history is known (a draft restored after a reload), not the fields before. */
  sinceDraft?: boolean;
  reference: Reference;
  canRetry: boolean;
  onRetry: () => void;
  boxRef: Ref<HTMLDivElement>;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const word = (field: string, v: string | null): string => {
    if (v === null) return t.cases.conflict.none;
    switch (field) {
      case 'status':
        return t.common.caseStatus[v as keyof typeof t.common.caseStatus] ?? v;
      case 'agencyId':
        return nameOf(reference.agencies, v, lang);
      case 'dueAt':
        return dateTime(v, lang, zone, false);
      case 'priority':
        return t.common.priority[v as keyof typeof t.common.priority] ?? v;
      case 'outcome':
        return t.common.outcome[v as keyof typeof t.common.outcome] ?? v;
      default:
        return v.length > 80 ? `${v.slice(0, 79)}…` : v;
    }
  };
  return (
    <div class="alert alert-warn case-conflict" role="alert" tabIndex={-1} ref={boxRef}>
      <p>
        <strong>{t.cases.conflict.title}</strong>
      </p>
      <p>{sinceDraft ? t.cases.conflict.sinceDraft : t.cases.conflict.intro}</p>
      {sinceDraft ? null : changes.fields.length > 0 ? (
        <ul>
          {changes.fields.map((f) => (
            <li key={f.field}>
              {t.cases.conflict.changed(
                t.cases.conflict.field[f.field],
                word(f.field, f.before),
                word(f.field, f.after),
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.cases.conflict.noFieldChange}</p>
      )}
      {changes.entries.length > 0 ? (
        <>
          <p>{t.cases.conflict.newEntries}</p>
          <ul>
            {changes.entries.map((e) => (
              <li key={e.version}>
                {dateTime(e.at, lang, zone, false)} · {t.cases.action[e.action]} · {t.common.role[e.role]}
                {e.note ? ` — ${e.note}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canRetry ? (
        <>
          <p>{t.cases.conflict.kept}</p>
          <button type="button" class="button button-primary" onClick={onRetry}>
            {t.cases.conflict.retry}
          </button>
        </>
      ) : (
        <p>{t.cases.conflict.notAllowed}</p>
      )}
    </div>
  );
};

/** The fields of one action's form, each with the API's error for it. */
const ActionFields = ({
  action,
  fields,
  change,
  changeMany,
  shown,
  reference,
  problem,
}: {
  action: ActionName;
  fields: Draft;
  change: (name: string, value: string) => void;
  changeMany: (values: Draft) => void;
  shown: CaseDetail;
  reference: Reference;
  problem: ApiProblem | undefined;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const f = t.cases.form;
  const err = (name: string) => problem?.fieldError(`/${name}`);
  const text = (name: string) => ({
    value: fields[name] ?? '',
    onInput: (e: Event) => change(name, (e.currentTarget as HTMLInputElement).value),
  });
  const id = (name: string) => `case-${action}-${name}`;

  switch (action) {
    case 'assign':
      return (
        <div class="form-grid">
          <Field id={id('agencyId')} label={f.agency} required hint={f.agencyHint} error={err('agencyId')}>
            <select {...text('agencyId')}>
              <option value="">{f.chooseAgency}</option>
              {reference.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {nameOf(reference.agencies, a.id, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={id('dueAt')}
            label={f.due}
            required
            hint={f.dueHint(timeZoneLabel(zone, new Date().toISOString()))}
            error={err('dueAt')}
          >
            <input type="datetime-local" min={toLocalInput(new Date(), zone)} {...text('dueAt')} />
          </Field>
          <DueInWorkingDays
            id={id('dueInWorkingDays')}
            field={text('dueInWorkingDays')}
            reference={reference}
            error={err('dueInWorkingDays')}
          />
          <Field id={id('note')} label={f.note} error={err('note')}>
            <textarea {...text('note')} />
          </Field>
        </div>
      );
    case 'respond':
      return (
        <>
          <Field id={id('finding')} label={f.finding} required error={err('finding')}>
            <textarea {...text('finding')} />
          </Field>
          <Field
            id={id('response')}
            label={f.response}
            required
            hint={f.responseHint}
            error={err('response')}
          >
            <textarea {...text('response')} />
          </Field>
          <TemplatePicker
            id={id('template')}
            category={shown.category}
            target="response"
            fields={fields}
            changeAll={changeMany}
            error={err('template')}
          />
          <Field id={id('note')} label={f.note} error={err('note')}>
            <textarea {...text('note')} />
          </Field>
        </>
      );
    case 'close':
      return (
        <>
          <Field id={id('outcome')} label={f.outcome} required error={err('outcome')}>
            <select {...text('outcome')}>
              <option value="">{f.chooseOutcome}</option>
              {closeOutcomes(reference.outcomes).map((o) => (
                <option key={o} value={o}>
                  {t.common.outcome[o]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id={id('evidenceUrl')}
            label={f.evidenceUrl}
            hint={f.evidenceHint}
            error={err('evidenceUrl')}
          >
            <input type="url" inputMode="url" autoComplete="off" {...text('evidenceUrl')} />
          </Field>
          <TemplatePicker
            id={id('template')}
            category={shown.category}
            target="note"
            fields={fields}
            changeAll={changeMany}
            error={err('template')}
          />
          <Field id={id('note')} label={f.noteRequired} required error={err('note')}>
            <textarea {...text('note')} />
          </Field>
        </>
      );
    case 'reopen':
      return (
        <Field id={id('reason')} label={f.reason} required error={err('reason')}>
          <input type="text" {...text('reason')} />
        </Field>
      );
    case 'comment':
      return (
        <Field id={id('note')} label={f.noteRequired} required error={err('note')}>
          <textarea {...text('note')} />
        </Field>
      );
    case 'link-reports':
      return (
        <Field
          id={id('reportIds')}
          label={f.reportIds}
          required
          hint={f.reportIdsHint}
          error={err('reportIds')}
        >
          <textarea {...text('reportIds')} />
        </Field>
      );
    case 'unlink-report':
      return (
        <>
          <Field
            id={id('reportId')}
            label={f.unlinkReport}
            required
            hint={f.unlinkHint}
            error={err('reportId')}
          >
            <select {...text('reportId')}>
              <option value="">{f.chooseReport}</option>
              {shown.reportIds.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('reason')} label={f.unlinkReason} required error={err('reason')}>
            <input type="text" {...text('reason')} />
          </Field>
        </>
      );
    case 'merge':
      return (
        <>
          <MergeField
            id={id('intoCaseId')}
            from={shown}
            value={fields.intoCaseId ?? ''}
            choose={(intoCaseId, intoVersion) => changeMany({ intoCaseId, intoVersion })}
            error={err('intoCaseId') ?? err('intoVersion')}
          />
          <Field id={id('note')} label={f.note} error={err('note')}>
            <textarea {...text('note')} />
          </Field>
        </>
      );
    case 'tag':
      return (
        <div class="form-grid">
          <p class="meta">
            {t.tags.label}: {shown.tags.length > 0 ? shown.tags.join(', ') : t.tags.none}
          </p>
          <Field id={id('add')} label={t.tags.add} hint={t.tags.hint} error={err('add')}>
            <input type="text" autoComplete="off" {...text('add')} />
          </Field>
          <Field id={id('remove')} label={t.tags.remove} error={err('remove')}>
            <input type="text" autoComplete="off" list={id('current')} {...text('remove')} />
          </Field>
          <datalist id={id('current')}>
            {shown.tags.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </div>
      );
    case 'flag-briefing':
      return (
        <BriefingField
          id={id('briefingId')}
          value={fields.briefingId ?? ''}
          change={change}
          error={err('briefingId')}
        />
      );
  }
};

/** The scheduled briefings to choose from (loaded when the form opens). */
const BriefingField = ({
  id,
  value,
  change,
  error,
}: {
  id: string;
  value: string;
  change: (name: string, value: string) => void;
  error: string | undefined;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const [briefings, setBriefings] = useState<Briefing[] | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const text = useErrorText();
  useEffect(() => {
    call(api().GET('/briefings', {})).then(
      ({ data }) => setBriefings(data.items.filter((b) => b.status === 'scheduled')),
      (e: unknown) => setLoadError(e),
    );
  }, []);
  return (
    <Field
      id={id}
      label={t.cases.form.briefing}
      hint={briefings?.length === 0 ? t.cases.form.noBriefings : undefined}
      error={error ?? (loadError ? text(loadError) : undefined)}
    >
      <select value={value} onInput={(e) => change('briefingId', e.currentTarget.value)}>
        <option value="">{t.cases.form.noBriefing}</option>
        {(briefings ?? []).map((b) => (
          <option key={b.id} value={b.id}>
            {dateTime(b.startsAt, lang, zone, false)} · {b.title}
          </option>
        ))}
      </select>
    </Field>
  );
};

type CaseRow = { id: string; title: string; status: string; version: number };

/**
 * The case to merge into: the other cases not closed (the latest 100), by
 * title; the choice notes that case's version, which the API checks. The line
 * below names both cases, so the desk sees what it confirms.
 */
const MergeField = ({
  id,
  from,
  value,
  choose,
  error,
}: {
  id: string;
  from: CaseDetail;
  value: string;
  choose: (intoCaseId: string, intoVersion: string) => void;
  error: string | undefined;
}) => {
  const { t } = useI18n();
  const f = t.cases.form;
  const [cases, setCases] = useState<CaseRow[] | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  const text = useErrorText();
  useEffect(() => {
    call(api().GET('/cases', { params: { query: { limit: 100 } } })).then(
      ({ data }) => setCases(data.items.filter((c) => c.id !== from.id && c.status !== 'closed')),
      (e: unknown) => setLoadError(e),
    );
  }, [from.id]);
  const into = cases?.find((c) => c.id === value);
  return (
    <>
      <Field
        id={id}
        label={f.mergeInto}
        required
        hint={cases === undefined ? f.mergeLoading : cases.length === 0 ? f.mergeNoCases : f.mergeHint}
        error={error ?? (loadError ? text(loadError) : undefined)}
      >
        <select
          value={value}
          onInput={(e) => {
            const chosen = cases?.find((c) => c.id === e.currentTarget.value);
            choose(e.currentTarget.value, chosen ? String(chosen.version) : '');
          }}
        >
          <option value="">{f.chooseCase}</option>
          {(cases ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.title} · {t.common.caseStatus[c.status as keyof typeof t.common.caseStatus] ?? c.status}
            </option>
          ))}
        </select>
      </Field>
      {into ? (
        <p class="alert alert-info merge-confirm" role="status">
          {f.mergeConfirm(from.title, into.title)}
        </p>
      ) : null}
    </>
  );
};

// Send a report: the collaborator's form, phone first. What they type is kept on
// the device until it is sent; without a network (or when the server does not
// answer) it goes into the offline queue under the same Idempotency-Key, so it
// is stored exactly once however many times it is retried. Field errors are
// the API's own words, at their fields, with a summary that takes the focus.
import { useEffect, useRef, useState } from 'preact/hooks';
import { config } from '../../config';
import { FilesPanel } from '../../files/files-panel';
import { type Catalogue, useI18n } from '../../i18n';
import { discard, enqueue, newKey, sendReport, startQueue } from '../../offline/queue';
import { isRetryable, type QueueItem } from '../../offline/queue-logic';
import { nameOf, type Reference, useReference } from '../../reference';
import { timeZoneLabel } from '../../time';
import { Field } from '../../ui/field';
import { LoadView } from '../../ui/states';
import {
  buildBody,
  checkDraft,
  type Draft,
  draftFromBody,
  emptyDraft,
  fieldId,
  loadDraft,
  saveDraft,
} from './draft';
import { Duplicates } from './duplicates';
import { QueueView, useQueue } from './queue-view';
import './reporter.css';

type Problem = { detail?: string | undefined; errors: { path: string; message: string }[] };
type Result =
  | { kind: 'sent'; id: string; duplicates: NonNullable<QueueItem['duplicates']> }
  | { kind: 'queued' };

const MAX_URLS = 10;

const useOnline = () => {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    addEventListener('online', on);
    addEventListener('offline', off);
    return () => {
      removeEventListener('online', on);
      removeEventListener('offline', off);
    };
  }, []);
  return online;
};

const Select = ({
  value,
  options,
  onChange,
  placeholder,
  ...rest
}: {
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  placeholder?: string;
  [attribute: string]: unknown;
}) => (
  <select {...rest} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
    {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
    {options.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ))}
  </select>
);

export default function Send() {
  const { t } = useI18n();
  const reference = useReference();
  const queue = useQueue();
  useEffect(() => startQueue(), []);
  return (
    <div class="reporter narrow">
      {/* What waits offline is counted by the header's badge (web/src/offline/badge.tsx). */}
      <h1>{t.reporter.sendTitle}</h1>
      <LoadView load={reference} lines={8}>
        {(ref) => <SendForm reference={ref} queue={queue ?? []} />}
      </LoadView>
    </div>
  );
}

const SendForm = ({ reference, queue }: { reference: Reference; queue: QueueItem[] }) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const online = useOnline();
  const [draft, setDraftState] = useState<Draft>(() => loadDraft(newKey, new Date(), zone));
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [sending, setSending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const setDraft = (d: Draft) => {
    setDraftState(d);
    saveDraft(d);
  };
  const update = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft({ ...draft, [k]: v });

  useEffect(() => {
    if (problem) summaryRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const errorAt = (pointer: string) =>
    problem?.errors.find((e) => e.path === pointer || e.path.startsWith(`${pointer}/`))?.message;
  const urlError = (row: number) =>
    problem?.errors.find(
      (e) => e.path.startsWith('/sourceUrls') && fieldId(e.path, draft) === `report-url-${row}`,
    )?.message;

  /** After a report is sent or queued: a new, empty draft with a new key. */
  const fresh = () => setDraft(emptyDraft(newKey(), new Date(), zone));

  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setResult(null);
    const local = checkDraft(draft);
    if (local.length) {
      setProblem({
        errors: local.map((p) => ({
          path: p.path,
          message: p.rule === 'required' ? t.reporter.required : t.reporter.titleLength,
        })),
      });
      return;
    }
    const body = JSON.stringify(buildBody(draft, zone));
    if (!navigator.onLine) {
      await enqueue(draft.key, body, draft.title.trim());
      setProblem(null);
      fresh();
      setResult({ kind: 'queued' });
      return;
    }
    setSending(true);
    const outcome = await sendReport(draft.key, body);
    setSending(false);
    if (outcome.kind === 'created') {
      setProblem(null);
      fresh();
      setResult({ kind: 'sent', id: outcome.reportId, duplicates: outcome.duplicates ?? [] });
    } else if (isRetryable(outcome)) {
      // The same key and bytes go again from the queue: a lost answer replays, never duplicates.
      await enqueue(draft.key, body, draft.title.trim());
      setProblem(null);
      fresh();
      setResult({ kind: 'queued' });
    } else if (outcome.kind === 'problem') {
      // Refused: nothing was stored. The corrected report is a new body, so it gets a new key.
      setDraft({ ...draft, key: newKey() });
      setProblem({ detail: outcome.detail, errors: outcome.errors ?? [] });
    }
  };

  const edit = (item: QueueItem) => {
    setDraft(draftFromBody(item.body, newKey(), zone));
    setProblem({ detail: item.lastError?.detail, errors: item.lastError?.errors ?? [] });
    setResult(null);
    void discard(item.key);
  };

  const enumOptions = (values: readonly string[], words: Record<string, string>) =>
    values.map((v) => ({ value: v, label: words[v] ?? v }));
  const labelOf: Record<string, string> = {
    '/title': t.reporter.title,
    '/summary': t.reporter.summary,
    '/category': t.reporter.category,
    '/area': t.reporter.area,
    '/channel': t.reporter.channel,
    '/sentiment': t.reporter.sentiment,
    '/urgency': t.reporter.urgency,
    '/sourceUrls': t.reporter.sourceUrls,
    '/observedAt': t.reporter.observedAt,
    '/reach': t.reporter.reach,
  };
  const zoneLabel = timeZoneLabel(zone, new Date().toISOString());

  return (
    <>
      {result?.kind === 'sent' ? (
        <section class="card alert-ok result" aria-labelledby="result-title">
          <h2 id="result-title" tabIndex={-1} ref={resultRef}>
            {t.reporter.received}
          </h2>
          <p>{t.reporter.receivedText(result.id)}</p>
          <p>
            <a href={`/reports/${result.id}`}>{t.reporter.viewReport}</a>
          </p>
          <Duplicates items={result.duplicates} />
        </section>
      ) : null}
      {result?.kind === 'sent' ? (
        // Evidence for the report just sent: attaching leaves the (now fresh) form alone.
        <FilesPanel key={result.id} owner={{ kind: 'report', id: result.id }} canAttach fileCount={0} />
      ) : null}
      {result?.kind === 'queued' ? (
        <section class="card alert-warn result" aria-labelledby="result-title">
          <h2 id="result-title" tabIndex={-1} ref={resultRef}>
            {t.reporter.queued}
          </h2>
          <p>{t.reporter.queuedText}</p>
        </section>
      ) : null}
      {!online ? (
        <p class="alert alert-offline" role="status">
          {t.reporter.offlineNow}
        </p>
      ) : null}
      <form class="card report-form" noValidate onSubmit={submit} aria-describedby="send-intro">
        <p id="send-intro" class="meta">
          {t.reporter.sendIntro}
        </p>
        {problem ? (
          <div class="alert alert-error" role="alert" tabIndex={-1} ref={summaryRef} id="error-summary">
            <p>
              <strong>{t.reporter.errorSummary}</strong>
            </p>
            {problem.detail ? <p>{problem.detail}</p> : null}
            {problem.errors.length ? (
              <ul>
                {problem.errors.map((e) => (
                  <li key={e.path}>
                    <a href={`#${fieldId(e.path, draft)}`}>
                      {labelOf[`/${e.path.split('/')[1]}`] ?? e.path}: {e.message}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p>{t.reporter.draftKept}</p>
          </div>
        ) : null}
        <Field
          id="report-title"
          label={t.reporter.title}
          required
          hint={t.reporter.titleHint}
          error={errorAt('/title')}
        >
          <input
            type="text"
            maxLength={200}
            autoComplete="off"
            value={draft.title}
            onInput={(e) => update('title', e.currentTarget.value)}
          />
        </Field>
        <Field
          id="report-summary"
          label={t.reporter.summary}
          required
          hint={t.reporter.summaryHint}
          error={errorAt('/summary')}
        >
          <textarea
            rows={4}
            maxLength={5000}
            value={draft.summary}
            onInput={(e) => update('summary', e.currentTarget.value)}
          />
        </Field>
        <div class="form-grid">
          <Field id="report-category" label={t.reporter.category} required error={errorAt('/category')}>
            <Select
              value={draft.category}
              placeholder={t.reporter.choose}
              options={reference.categories.map((c) => ({
                value: c.id,
                label: nameOf(reference.categories, c.id, lang),
              }))}
              onChange={(v) => update('category', v)}
            />
          </Field>
          <Field id="report-area" label={t.reporter.area} required error={errorAt('/area')}>
            <Select
              value={draft.area}
              placeholder={t.reporter.choose}
              options={reference.areas.map((a) => ({
                value: a.id,
                label: nameOf(reference.areas, a.id, lang),
              }))}
              onChange={(v) => update('area', v)}
            />
          </Field>
        </div>
        <div class="form-grid">
          <Field id="report-channel" label={t.reporter.channel} required error={errorAt('/channel')}>
            <Select
              value={draft.channel}
              options={enumOptions(reference.channels, t.common.channel)}
              onChange={(v) => update('channel', v)}
            />
          </Field>
          <Field id="report-sentiment" label={t.reporter.sentiment} required error={errorAt('/sentiment')}>
            <Select
              value={draft.sentiment}
              options={enumOptions(reference.sentiments, t.common.sentiment)}
              onChange={(v) => update('sentiment', v)}
            />
          </Field>
          <Field id="report-urgency" label={t.reporter.urgency} required error={errorAt('/urgency')}>
            <Select
              value={draft.urgency}
              options={enumOptions(reference.urgencies, t.common.urgency)}
              onChange={(v) => update('urgency', v)}
            />
          </Field>
        </div>
        <SourceUrls
          draft={draft}
          setDraft={setDraft}
          urlError={urlError}
          listError={errorAt('/sourceUrls')}
          t={t}
        />
        <div class="form-grid">
          <Field
            id="report-observedAt"
            label={t.reporter.observedAt}
            required
            hint={t.reporter.observedAtHint(zoneLabel)}
            error={errorAt('/observedAt')}
          >
            <input
              type="datetime-local"
              value={draft.observedAt}
              onInput={(e) => update('observedAt', e.currentTarget.value)}
            />
          </Field>
          <Field
            id="report-reach"
            label={t.reporter.reach}
            hint={t.reporter.reachHint}
            error={errorAt('/reach')}
          >
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={draft.reach}
              onInput={(e) => update('reach', e.currentTarget.value)}
            />
          </Field>
        </div>
        <button
          type="submit"
          class="button button-primary button-block"
          disabled={sending}
          aria-busy={sending}
        >
          {sending ? t.reporter.sending : t.reporter.submit}
        </button>
      </form>
      <QueueView list={queue} onEdit={edit} />
    </>
  );
};

const SourceUrls = ({
  draft,
  setDraft,
  urlError,
  listError,
  t,
}: {
  draft: Draft;
  setDraft: (d: Draft) => void;
  urlError: (row: number) => string | undefined;
  listError: string | undefined;
  t: Catalogue;
}) => {
  const rows = draft.sourceUrls;
  const set = (i: number, v: string) =>
    setDraft({ ...draft, sourceUrls: rows.map((u, j) => (j === i ? v : u)) });
  const focusRow = (i: number) =>
    requestAnimationFrame(() => document.getElementById(`report-url-${i}`)?.focus());
  return (
    <fieldset class="field source-urls" aria-describedby="report-urls-hint">
      <legend>{t.reporter.sourceUrls}</legend>
      <p class="hint" id="report-urls-hint">
        {t.reporter.sourceUrlsHint}
      </p>
      {rows.map((url, i) => {
        const error = urlError(i);
        return (
          <div key={i} class={`url-row${error ? ' field-error' : ''}`}>
            <label class="visually-hidden" for={`report-url-${i}`}>
              {t.reporter.sourceUrl(i + 1)}
            </label>
            <input
              id={`report-url-${i}`}
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://"
              maxLength={2048}
              value={url}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `report-url-${i}-error` : undefined}
              onInput={(e) => set(i, e.currentTarget.value)}
            />
            {rows.length > 1 ? (
              <button
                type="button"
                class="button url-remove"
                aria-label={t.reporter.removeUrl(i + 1)}
                onClick={() => {
                  setDraft({ ...draft, sourceUrls: rows.filter((_, j) => j !== i) });
                  focusRow(Math.max(0, i - 1));
                }}
              >
                ×
              </button>
            ) : null}
            {error ? (
              <p class="error-text" id={`report-url-${i}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        );
      })}
      {listError && !rows.some((_, i) => urlError(i)) ? <p class="error-text">{listError}</p> : null}
      {rows.length < MAX_URLS ? (
        <button
          type="button"
          class="button"
          onClick={() => {
            setDraft({ ...draft, sourceUrls: [...rows, ''] });
            focusRow(rows.length);
          }}
        >
          + {t.reporter.addUrl}
        </button>
      ) : null}
    </fieldset>
  );
};

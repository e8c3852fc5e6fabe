// One response template for the desk: its text in both languages, edit (title,
// category, text), retire with a reason, restore, and its history of who
// changed what. Every change sends If-Match with the version shown; on 412 the
// page shows the template as it is now and keeps what was typed.
import { useState } from 'preact/hooks';
import { ApiProblem, api, call, type paths, versionOf } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { nameOf, useReference } from '../../reference';
import { dateTime } from '../../time';
import { Field } from '../../ui/field';
import { LoadView, useErrorText } from '../../ui/states';

type Detail = paths['/templates/{id}']['get']['responses'][200]['content']['application/json'];
type ActionBody = paths['/templates/{id}/actions']['post']['requestBody']['content']['application/json'];
type Mode = 'view' | 'edit' | 'retire';

const loadTemplate = async (id: string) => {
  const { data, response } = await call(api().GET('/templates/{id}', { params: { path: { id } } }));
  return { data, version: versionOf(response) ?? data.version };
};

export default function TemplatePage({ id }: { id: string }) {
  const load = useLoad(`template:${id}`, () => loadTemplate(id));
  return (
    <LoadView load={load} lines={6}>
      {(shown) => (
        <TemplateView
          key={id}
          shown={shown}
          reload={async () => {
            const fresh = await loadTemplate(id);
            if (load.state === 'ready' || load.state === 'stale') load.setData(fresh);
            return fresh;
          }}
        />
      )}
    </LoadView>
  );
}

const TemplateView = ({
  shown,
  reload,
}: {
  shown: { data: Detail; version: number };
  reload: () => Promise<{ data: Detail; version: number }>;
}) => {
  const { t, lang } = useI18n();
  const tt = t.templates;
  const ref = useReference();
  const categories = ref.state === 'ready' || ref.state === 'stale' ? ref.data.categories : [];
  const x = shown.data;
  const [mode, setMode] = useState<Mode>('view');
  const [form, setForm] = useState({ title: x.title, category: x.category, vi: x.text.vi, en: x.text.en });
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const errorText = useErrorText();
  const problem = error instanceof ApiProblem ? error : undefined;
  const zone = config().timeZone;

  const send = async (body: ActionBody) => {
    if (sending) return;
    setSending(true);
    setError(undefined);
    setNotice(null);
    try {
      await call(
        api().POST('/templates/{id}/actions', {
          params: { path: { id: x.id }, header: { 'If-Match': `"${shown.version}"` } },
          body,
        }),
      );
      await reload();
      setMode('view');
      setReason('');
      setNotice(tt.saved);
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 412) {
        // Show the template as it is now; the form keeps what was typed.
        await reload().catch(() => undefined);
        setNotice(tt.conflict);
      } else setError(err);
    } finally {
      setSending(false);
    }
  };

  const input = (k: keyof typeof form) => ({
    value: form[k],
    onInput: (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value }),
  });

  return (
    <article class="template-page" aria-labelledby="template-title">
      <header class="card">
        <p class="meta">
          <a href="/templates">{tt.title}</a>
        </p>
        <h1 id="template-title">{x.title}</h1>
        <p class="meta">
          {nameOf(categories, x.category, lang)} · {tt.statusName[x.status]} · {tt.version(x.version)}
        </p>
      </header>
      {notice ? (
        <p class="alert alert-info" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p class="alert alert-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      <section class="card" aria-labelledby="template-text-title">
        <h2 id="template-text-title">{tt.field.text}</h2>
        <h3>{tt.textVi}</h3>
        <p class="case-text" lang="vi">
          {x.text.vi}
        </p>
        <h3>{tt.textEn}</h3>
        <p class="case-text" lang="en">
          {x.text.en}
        </p>
        <div class="row">
          {x.status === 'active' ? (
            <>
              <button
                type="button"
                class="button"
                aria-expanded={mode === 'edit'}
                onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
              >
                {tt.edit}
              </button>
              <button
                type="button"
                class="button"
                aria-expanded={mode === 'retire'}
                onClick={() => setMode(mode === 'retire' ? 'view' : 'retire')}
              >
                {tt.retire}
              </button>
            </>
          ) : (
            <button
              type="button"
              class="button"
              disabled={sending}
              onClick={() => void send({ action: 'restore' })}
            >
              {tt.restore}
            </button>
          )}
        </div>
      </section>
      {mode === 'edit' ? (
        <form
          class="card"
          aria-label={tt.edit}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const changed: Record<string, unknown> = {};
            if (form.title.trim() !== x.title) changed.title = form.title.trim();
            if (form.category !== x.category) changed.category = form.category;
            if (form.vi !== x.text.vi || form.en !== x.text.en) changed.text = { vi: form.vi, en: form.en };
            void send({ action: 'edit', ...changed } as ActionBody);
          }}
        >
          <Field
            id="template-edit-title"
            label={tt.fieldTitle}
            required
            error={problem?.fieldError('/title')}
          >
            <input type="text" autoComplete="off" {...input('title')} />
          </Field>
          <Field
            id="template-edit-category"
            label={tt.category}
            required
            error={problem?.fieldError('/category')}
          >
            <select {...input('category')}>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {nameOf(categories, c.id, lang)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="template-edit-vi" label={tt.textVi} required error={problem?.fieldError('/text/vi')}>
            <textarea lang="vi" {...input('vi')} />
          </Field>
          <Field id="template-edit-en" label={tt.textEn} required error={problem?.fieldError('/text/en')}>
            <textarea lang="en" {...input('en')} />
          </Field>
          <div class="row">
            <button type="submit" class="button button-primary" disabled={sending}>
              {sending ? tt.sending : tt.save}
            </button>
            <button type="button" class="button" onClick={() => setMode('view')}>
              {tt.cancel}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'retire' ? (
        <form
          class="card"
          aria-label={tt.retire}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send({ action: 'retire', reason: reason.trim() });
          }}
        >
          <Field
            id="template-retire-reason"
            label={tt.retireReason}
            required
            error={problem?.fieldError('/reason')}
          >
            <input type="text" value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </Field>
          <div class="row">
            <button type="submit" class="button button-primary" disabled={sending}>
              {sending ? tt.sending : tt.retire}
            </button>
            <button type="button" class="button" onClick={() => setMode('view')}>
              {tt.cancel}
            </button>
          </div>
        </form>
      ) : null}
      <section class="card" aria-labelledby="template-history-title">
        <h2 id="template-history-title">{tt.history}</h2>
        <ol class="list template-history">
          {x.history.map((h) => (
            <li key={h.version}>
              <p>
                <time dateTime={h.at}>{dateTime(h.at, lang, zone, false)}</time> ·{' '}
                {tt.historyAction[h.action]} · {tt.version(h.version)} · {h.by}
              </p>
              {h.action === 'edit' ? (
                <p class="meta">
                  {Object.keys(h.changes)
                    .map((f) => tt.changed(tt.field[f as keyof typeof tt.field] ?? f))
                    .join('; ')}
                </p>
              ) : null}
              {h.reason ? <p class="meta">{h.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
};

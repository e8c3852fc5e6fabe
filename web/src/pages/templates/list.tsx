// The desk's Templates page: the response templates by category and status,
// and a form to create one (category, title, the text in Vietnamese and in
// English). What is typed stays in the form until the API has stored it.
import { useState } from 'preact/hooks';
import { ApiProblem, api, call, type paths } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useI18n } from '../../i18n';
import { nameOf, useReference } from '../../reference';
import { Field } from '../../ui/field';
import { Empty, LoadView, useErrorText } from '../../ui/states';

type Query = NonNullable<paths['/templates']['get']['parameters']['query']>;
type NewBody = paths['/templates']['post']['requestBody']['content']['application/json'];

const EMPTY = { category: '', title: '', vi: '', en: '' };

export default function Templates() {
  const { t, lang } = useI18n();
  const tt = t.templates;
  const ref = useReference();
  const categories = ref.state === 'ready' || ref.state === 'stale' ? ref.data.categories : [];
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState('');
  const [form, setForm] = useState(EMPTY);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>();
  const [created, setCreated] = useState<string | null>(null);
  const errorText = useErrorText();
  const key = `templates:${category}:${status}`;
  const load = useLoad(key, async () => {
    const query: Query = { limit: 100 };
    if (category) query.category = category as Query['category'];
    if (status) query.status = status as Query['status'];
    return (await call(api().GET('/templates', { params: { query } }))).data;
  });

  const problem = error instanceof ApiProblem ? error : undefined;
  const set = (k: keyof typeof EMPTY) => ({
    value: form[k],
    onInput: (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value }),
  });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (sending) return;
    setSending(true);
    setError(undefined);
    setCreated(null);
    try {
      const body = {
        category: form.category,
        title: form.title.trim(),
        text: { vi: form.vi, en: form.en },
      } as NewBody;
      const { data } = await call(api().POST('/templates', { body }));
      setForm(EMPTY);
      setCreated(data.id);
      if (load.state !== 'loading') load.reload();
    } catch (err) {
      setError(err);
    } finally {
      setSending(false);
    }
  };

  return (
    <section aria-labelledby="templates-title">
      <div class="page-title">
        <h1 id="templates-title">{tt.title}</h1>
      </div>
      <p class="muted">{tt.intro}</p>
      <fieldset class="filters">
        <legend class="visually-hidden">{t.desk.filters.legend}</legend>
        <div class="field filter">
          <label for="templates-category">{tt.category}</label>
          <select
            id="templates-category"
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
          >
            <option value="">{tt.all}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {nameOf(categories, c.id, lang)}
              </option>
            ))}
          </select>
        </div>
        <div class="field filter">
          <label for="templates-status">{tt.status}</label>
          <select id="templates-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{tt.all}</option>
            <option value="active">{tt.statusName.active}</option>
            <option value="retired">{tt.statusName.retired}</option>
          </select>
        </div>
      </fieldset>
      <LoadView load={load} lines={4}>
        {(page) =>
          page.items.length === 0 ? (
            <div class="card">
              <Empty>{tt.empty}</Empty>
            </div>
          ) : (
            <div class="card">
              <ul class="list template-list">
                {page.items.map((x) => (
                  <li key={x.id}>
                    <p>
                      <a href={`/templates/${x.id}`}>{x.title}</a>
                    </p>
                    <p class="meta">
                      {nameOf(categories, x.category, lang)} · {tt.statusName[x.status]} ·{' '}
                      {tt.version(x.version)}
                    </p>
                  </li>
                ))}
              </ul>
            </div>
          )
        }
      </LoadView>
      <form class="card" aria-labelledby="template-new-title" noValidate onSubmit={(e) => void submit(e)}>
        <h2 id="template-new-title">{tt.newTitle}</h2>
        {created ? (
          <p class="alert alert-ok" role="status">
            {tt.created} <a href={`/templates/${created}`}>{tt.version(1)}</a>
          </p>
        ) : null}
        {error ? (
          <p class="alert alert-error" role="alert">
            {errorText(error)}
          </p>
        ) : null}
        <Field id="template-category" label={tt.category} required error={problem?.fieldError('/category')}>
          <select {...set('category')}>
            <option value="">{tt.chooseCategory}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {nameOf(categories, c.id, lang)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="template-title" label={tt.fieldTitle} required error={problem?.fieldError('/title')}>
          <input type="text" autoComplete="off" {...set('title')} />
        </Field>
        <Field id="template-vi" label={tt.textVi} required error={problem?.fieldError('/text/vi')}>
          <textarea lang="vi" {...set('vi')} />
        </Field>
        <Field id="template-en" label={tt.textEn} required error={problem?.fieldError('/text/en')}>
          <textarea lang="en" {...set('en')} />
        </Field>
        <button type="submit" class="button button-primary" disabled={sending}>
          {sending ? tt.sending : tt.create}
        </button>
      </form>
    </section>
  );
}

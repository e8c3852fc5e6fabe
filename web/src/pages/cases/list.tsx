import { api, call } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useMore } from '../../api/use-more';
import type { Session } from '../../auth/session';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { nameOf, useReference } from '../../reference';
import { dateTime } from '../../time';
import { CaseStatusChip } from '../../ui/chips';
import { Empty, LoadMore, LoadView } from '../../ui/states';
import { ClockIcon, WarningIcon } from '../desk/icons';
import { useUrlFilters } from '../desk/url-state';
import { ExportButton } from '../export/export-button';
import { SearchBox } from '../search-box';
import {
  arrange,
  CASE_STATUSES,
  type CaseFilters,
  type CaseItem,
  caseSearch,
  casesApiQuery,
  daysOverdue,
  hasCaseFilters,
  isDueSoon,
  parseCaseQuery,
  readsWhole,
  withCaseFilter,
} from './list-query';
import '../desk/desk.css';
import { FileCount } from '../../files/file-count';

/** A whole read stops here: 10 pages of 100. */
const WHOLE_LIMIT = 100;
const WHOLE_PAGES = 10;

const parse = (q: Record<string, string>) => parseCaseQuery(q);

/** Every page of a query, up to the cap; `truncated` when there was more. */
const readWhole = async (f: CaseFilters) => {
  const items: CaseItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < WHOLE_PAGES; page++) {
    const { data } = await call(
      api().GET('/cases', { params: { query: casesApiQuery(f, cursor, WHOLE_LIMIT) } }),
    );
    items.push(...data.items);
    if (!data.nextCursor) return { items, nextCursor: null, truncated: false };
    cursor = data.nextCursor;
  }
  return { items, nextCursor: null, truncated: true };
};

const Filters = ({
  filters,
  onChange,
  desk,
}: {
  filters: CaseFilters;
  onChange: (f: CaseFilters) => void;
  desk: boolean;
}) => {
  const { t, lang } = useI18n();
  const f = t.desk.filters;
  const ref = useReference();
  const data = ref.state === 'ready' || ref.state === 'stale' ? ref.data : undefined;
  const select = (
    key: 'status' | 'agency' | 'category' | 'area',
    options: { value: string; label: string }[],
  ) => (
    <div class="field filter">
      <label for={`cases-${key}`}>{f[key]}</label>
      <select
        id={`cases-${key}`}
        value={filters[key] ?? ''}
        disabled={key === 'status' && filters.dueSoon === true}
        onChange={(e) => onChange(withCaseFilter(filters, key, e.currentTarget.value))}
      >
        <option value="">{f.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const check = (key: 'overdue' | 'dueSoon') => (
    <label class="filter-check">
      <input
        type="checkbox"
        checked={filters[key] === true}
        onChange={(e) => onChange(withCaseFilter(filters, key, e.currentTarget.checked))}
      />
      {f[key]}
    </label>
  );
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">{f.legend}</legend>
      {select(
        'status',
        CASE_STATUSES.map((s) => ({ value: s, label: t.common.caseStatus[s] })),
      )}
      {desk
        ? select(
            'agency',
            (data?.agencies ?? []).map((a) => ({ value: a.id, label: a.name })),
          )
        : null}
      {desk
        ? select(
            'category',
            (data?.categories ?? []).map((c) => ({
              value: c.id,
              label: nameOf(data?.categories, c.id, lang),
            })),
          )
        : null}
      {desk
        ? select(
            'area',
            (data?.areas ?? []).map((a) => ({ value: a.id, label: nameOf(data?.areas, a.id, lang) })),
          )
        : null}
      <div class="field filter">
        <label for="cases-tag">{t.tags.filter}</label>
        <input
          id="cases-tag"
          type="search"
          autoComplete="off"
          maxLength={40}
          value={filters.tag ?? ''}
          onChange={(e) => onChange(withCaseFilter(filters, 'tag', e.currentTarget.value.trim()))}
        />
      </div>
      {check('overdue')}
      {check('dueSoon')}
      {hasCaseFilters(filters) ? (
        <div class="filter filter-clear">
          <button type="button" class="link-button" onClick={() => onChange({})}>
            {f.clear}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
};

/** A case's priority in the emails' words ("Ưu tiên cao"); nothing for normal. */
const PriorityBadge = ({ priority }: { priority: CaseItem['priority'] }) => {
  const { t } = useI18n();
  if (priority === 'normal') return null;
  return <span class={`badge badge-${priority}`}>{t.common.priority[priority]}</span>;
};

const Due = ({ c, now }: { c: CaseItem; now: number }) => {
  const { t, lang } = useI18n();
  if (!c.dueAt) return <span class="muted">{t.desk.cases.noDue}</span>;
  const when = dateTime(c.dueAt, lang, config().timeZone, false);
  return (
    <span class="case-due">
      {c.overdue ? (
        <>
          <WarningIcon />
          <span class="badge badge-overdue">{t.common.overdue}</span>{' '}
        </>
      ) : isDueSoon(c, now) ? (
        <>
          <ClockIcon />
          <span class="badge badge-due-soon">{t.common.dueSoon}</span>{' '}
        </>
      ) : null}
      {t.common.due(when)}
      {c.overdue ? <span class="meta"> ({t.desk.cases.overdueBy(daysOverdue(c.dueAt, now))})</span> : null}
    </span>
  );
};

const CaseRow = ({ c, now, desk }: { c: CaseItem; now: number; desk: boolean }) => {
  const { t, lang } = useI18n();
  const ref = useReference();
  const data = ref.state === 'ready' || ref.state === 'stale' ? ref.data : undefined;
  const agency = c.agencyId ? nameOf(data?.agencies, c.agencyId, lang) : undefined;
  const mark = c.overdue ? ' case-overdue' : isDueSoon(c, now) ? ' case-due-soon' : '';
  return (
    <li class={`case-row${mark}`}>
      <div>
        <p class="case-head">
          <PriorityBadge priority={c.priority} /> <a href={`/cases/${c.id}`}>{c.title}</a>
        </p>
        <p class="meta">
          {nameOf(data?.areas, c.area, lang)} · {nameOf(data?.categories, c.category, lang)} ·{' '}
          {t.desk.cases.reports(c.reportCount)} ·{' '}
          {t.desk.cases.opened(dateTime(c.openedAt, lang, config().timeZone, false))}
        </p>
        {c.tags.length > 0 ? (
          <p class="meta case-tags">
            <span class="visually-hidden">{t.tags.label}: </span>
            {c.tags.map((tag) => (
              <span key={tag} class="chip chip-tag">
                {tag}
              </span>
            ))}
          </p>
        ) : null}
      </div>
      <div class="case-side">
        <p>
          <CaseStatusChip status={c.status} /> <FileCount item={c} />
        </p>
        {desk ? (
          <p class="meta">
            {agency ??
              (c.suggestedAgencyId
                ? t.desk.cases.suggested(nameOf(data?.agencies, c.suggestedAgencyId, lang))
                : t.desk.cases.notAssigned)}
          </p>
        ) : null}
        {c.status === 'verifying' || c.dueAt ? (
          <p>
            <Due c={c} now={now} />
          </p>
        ) : null}
      </div>
    </li>
  );
};

export default function Cases({ session }: { session: Session }) {
  const { t } = useI18n();
  const desk = session.role === 'desk';
  const [filters, setFilters] = useUrlFilters(parse, caseSearch);
  const whole = readsWhole(filters, session.role);
  const key = `cases.${session.role}.${session.agency ?? ''}${caseSearch(filters)}`;
  const first = useLoad(key, async () =>
    whole
      ? readWhole(filters)
      : {
          ...(await call(api().GET('/cases', { params: { query: casesApiQuery(filters) } }))).data,
          truncated: false,
        },
  );
  const now = Date.now();

  const page = first.state === 'ready' || first.state === 'stale' ? first.data : undefined;
  const more = useMore<CaseItem>(
    key,
    page,
    async (cursor) =>
      (await call(api().GET('/cases', { params: { query: casesApiQuery(filters, cursor) } }))).data,
  );
  const rows = whole ? arrange(more.items, filters, now) : more.items;

  const empty = filters.q
    ? t.desk.search.empty(filters.q)
    : filters.dueSoon
      ? t.desk.cases.emptyDueSoon
      : hasCaseFilters(filters)
        ? t.desk.cases.emptyFiltered
        : desk
          ? t.desk.cases.empty
          : t.desk.cases.emptyAgency;

  return (
    <section aria-labelledby="cases-title">
      <div class="page-title">
        <h1 id="cases-title">{desk ? t.desk.cases.titleDesk : t.desk.cases.titleAgency}</h1>
        {desk ? <ExportButton path="/cases.csv" filters={casesApiQuery(filters)} /> : null}
      </div>
      {desk ? null : <p class="muted">{t.desk.cases.introAgency}</p>}
      {desk ? (
        <SearchBox
          id="cases-q"
          value={filters.q}
          onSearch={(q) => setFilters(withCaseFilter(filters, 'q', q))}
        />
      ) : null}
      <Filters filters={filters} onChange={setFilters} desk={desk} />
      {filters.dueSoon ? <p class="muted">{t.desk.cases.dueSoonNote}</p> : null}
      <LoadView load={first} lines={6}>
        {() =>
          rows.length === 0 ? (
            <div class="card">
              <Empty>{empty}</Empty>
            </div>
          ) : (
            <div class="card">
              <p class="meta" role="status">
                {t.desk.cases.count(rows.length)}
              </p>
              {page?.truncated ? (
                <p class="alert alert-warn">{t.desk.cases.truncated(more.items.length)}</p>
              ) : null}
              <ul class="list case-list">
                {rows.map((c) => (
                  <CaseRow key={c.id} c={c} now={now} desk={desk} />
                ))}
              </ul>
              <LoadMore more={more} />
            </div>
          )
        }
      </LoadView>
    </section>
  );
}

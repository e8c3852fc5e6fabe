// The desk's inbox: every report, newest first, with the API's filters (kept in
// the URL), paged with the cursor. Reports of the same similarity group stand
// together under the newest (a group can be folded). Select several to open a
// case, link them to an open case or dismiss them; opening and linking offer
// the rest of their groups still new; each report that could not be done says why.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { ApiProblem, api, call, type paths } from '../../api/client';
import { useLoad } from '../../api/use-load';
import { useMore } from '../../api/use-more';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { nameOf, useReference } from '../../reference';
import { dateTime, formatNumber, localDay } from '../../time';
import { ReportStatusChip, UrgencyBadge } from '../../ui/chips';
import { Empty, ErrorBox, LoadMore, LoadView, useErrorText } from '../../ui/states';
import { SearchBox } from '../search-box';
import { dismissAll, linkToCase, NoLongerNew, openCase } from './actions';
import { DismissDialog, LinkDialog, OpenCaseDialog } from './dialogs';
import { type GroupExtra, groupRows, isOpen, type RowGroup } from './groups';
import { AlertIcon, WarningIcon } from './icons';
import {
  hasFilters,
  type InboxFilters,
  inboxSearch,
  parseInboxQuery,
  REPORT_STATUSES,
  reportsApiQuery,
  URGENCIES,
  withFilter,
} from './inbox-query';
import {
  allState,
  failed,
  type ItemResult,
  inRowOrder,
  prune,
  selectable,
  succeeded,
  toggle,
  toggleAll,
} from './selection';
import { findGroupExtras } from './similar';
import { useUrlFilters } from './url-state';
import './desk.css';
import { FileCount } from '../../files/file-count';
import { ExportButton } from '../export/export-button';

type Page = paths['/reports']['get']['responses'][200]['content']['application/json'];
type Row = Page['items'][number];

const parse = (q: Record<string, string>) => parseInboxQuery(q);

const Filters = ({ filters, onChange }: { filters: InboxFilters; onChange: (f: InboxFilters) => void }) => {
  const { t, lang } = useI18n();
  const f = t.desk.filters;
  const ref = useReference();
  const data = ref.state === 'ready' || ref.state === 'stale' ? ref.data : undefined;
  const set = (key: keyof InboxFilters) => (e: Event) =>
    onChange(withFilter(filters, key, (e.currentTarget as HTMLInputElement | HTMLSelectElement).value));
  const select = (
    key: 'status' | 'urgency' | 'category' | 'area',
    options: { value: string; label: string }[],
  ) => (
    <div class="field filter">
      <label for={`inbox-${key}`}>{f[key]}</label>
      <select id={`inbox-${key}`} value={filters[key] ?? ''} onChange={set(key)}>
        <option value="">{f.all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <fieldset class="filters">
      <legend class="visually-hidden">{f.legend}</legend>
      <div class="field filter filter-date">
        <label for="inbox-date">{f.day}</label>
        <div class="date-row">
          <input id="inbox-date" type="date" value={filters.date ?? ''} onChange={set('date')} />
          <button
            type="button"
            class="button"
            onClick={() => onChange(withFilter(filters, 'date', localDay(new Date(), config().timeZone)))}
          >
            {f.today}
          </button>
        </div>
      </div>
      {select(
        'status',
        REPORT_STATUSES.map((s) => ({ value: s, label: t.common.reportStatus[s] })),
      )}
      {select(
        'urgency',
        URGENCIES.map((u) => ({ value: u, label: t.common.urgency[u] })),
      )}
      {select(
        'category',
        (data?.categories ?? []).map((c) => ({ value: c.id, label: nameOf(data?.categories, c.id, lang) })),
      )}
      {select(
        'area',
        (data?.areas ?? []).map((a) => ({ value: a.id, label: nameOf(data?.areas, a.id, lang) })),
      )}
      {hasFilters(filters) ? (
        <div class="filter filter-clear">
          <button type="button" class="link-button" onClick={() => onChange({})}>
            {f.clear}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
};

const ReportRow = ({
  r,
  checked,
  onToggle,
  group,
}: {
  r: Row;
  checked: boolean;
  onToggle: (id: string) => void;
  /** On a group's newest report: the fold button and the group's other reports. */
  group?: ComponentChildren;
}) => {
  const { t, lang } = useI18n();
  const ref = useReference();
  const data = ref.state === 'ready' || ref.state === 'stale' ? ref.data : undefined;
  const urgent = r.urgency !== 'normal';
  const canSelect = selectable(r);
  return (
    <li class={`inbox-row inbox-${r.urgency}`}>
      <div class="inbox-check">
        <input
          type="checkbox"
          id={`select-${r.id}`}
          checked={checked}
          disabled={!canSelect}
          title={canSelect ? undefined : t.desk.inbox.notSelectable}
          aria-label={t.desk.inbox.selectOne(r.title)}
          onChange={() => onToggle(r.id)}
        />
      </div>
      <div class="inbox-body">
        <p class="inbox-head">
          {urgent ? (
            <span class="urgent-mark">{r.urgency === 'critical' ? <WarningIcon /> : <AlertIcon />}</span>
          ) : null}
          <UrgencyBadge urgency={r.urgency} /> <a href={`/reports/${r.id}`}>{r.title}</a>{' '}
          <FileCount item={r} />
        </p>
        <p class="meta">
          {nameOf(data?.areas, r.area, lang)} · {nameOf(data?.categories, r.category, lang)} ·{' '}
          {t.desk.inbox.submitted(dateTime(r.submittedAt, lang, config().timeZone, false))}
          {r.sourceUrls.length > 0 ? ` · ${t.desk.inbox.sources(r.sourceUrls.length)}` : ''}
          {typeof r.reach === 'number' ? ` · ${t.desk.inbox.reach(formatNumber(r.reach, lang))}` : ''}
        </p>
        <p class="inbox-status">
          <ReportStatusChip status={r.status} />
          {r.caseId ? (
            <>
              {' '}
              <a href={`/cases/${r.caseId}`}>{t.desk.inbox.caseLink}</a>
            </>
          ) : null}
        </p>
      </div>
      {group ? <div class="inbox-grouped">{group}</div> : null}
    </li>
  );
};

const GroupRows = ({
  g,
  open,
  selected,
  onToggle,
  onFold,
}: {
  g: RowGroup<Row>;
  open: boolean;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onFold: (key: string) => void;
}) => {
  const { t } = useI18n();
  const listId = `group-${g.lead.id}`;
  return (
    <ReportRow
      r={g.lead}
      checked={selected.has(g.lead.id)}
      onToggle={onToggle}
      group={
        g.rest.length > 0 ? (
          <>
            <button
              type="button"
              class="group-toggle"
              aria-expanded={open}
              aria-controls={open ? listId : undefined}
              onClick={() => onFold(g.key)}
            >
              <span aria-hidden="true">{open ? '▾' : '▸'} ≈ </span>
              {t.desk.inbox.similar(g.rest.length)}
            </button>
            {open ? (
              <ul class="list inbox-group" id={listId} aria-label={t.desk.inbox.similarOf(g.lead.title)}>
                {g.rest.map((r) => (
                  <ReportRow key={r.id} r={r} checked={selected.has(r.id)} onToggle={onToggle} />
                ))}
              </ul>
            ) : null}
          </>
        ) : undefined
      }
    />
  );
};

type Outcome = {
  kind: 'opened' | 'linked' | 'dismissed';
  caseId?: string;
  results: ItemResult[];
  titles: Record<string, string>;
};

const OutcomeBox = ({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) => {
  const { t } = useI18n();
  const r = t.desk.results;
  const errorText = useErrorText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const done = succeeded(outcome.results).length;
  const bad = failed(outcome.results);
  const why = (error: unknown) =>
    error instanceof NoLongerNew ? r.notNew[error.status as keyof typeof r.notNew] : errorText(error);
  return (
    <div class="outcome" ref={box} tabIndex={-1}>
      {done > 0 ? (
        <div class="alert alert-ok" role="status">
          <p>
            {outcome.kind === 'opened'
              ? r.opened(done)
              : outcome.kind === 'linked'
                ? r.linked(done)
                : r.dismissed(done)}
            {outcome.caseId ? (
              <>
                {' '}
                <a href={`/cases/${outcome.caseId}`}>
                  {outcome.kind === 'opened' ? r.openNewCase : r.openLinkedCase}
                </a>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {bad.length > 0 ? (
        <div class="alert alert-warn" role="alert">
          <p>{r.failedTitle(bad.length)}</p>
          <ul>
            {bad.map((b) => (
              <li key={b.id}>
                <a href={`/reports/${b.id}`}>{outcome.titles[b.id] ?? b.id}</a>: {why(b.error)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <button type="button" class="link-button" onClick={onClose}>
        {r.dismissLabel}
      </button>
    </div>
  );
};

export default function Inbox() {
  const { t } = useI18n();
  const { route } = useLocation();
  const [filters, setFilters] = useUrlFilters(parse, inboxSearch);
  const key = `desk.inbox${inboxSearch(filters)}`;
  const first = useLoad(
    key,
    async () => (await call(api().GET('/reports', { params: { query: reportsApiQuery(filters) } }))).data,
  );
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'dismiss' | 'link' | 'open'>();
  // The rest of the selection's groups, read when "open a case" or "link to case" is pressed.
  const [offer, setOffer] = useState<{ extras: GroupExtra[]; incomplete: boolean }>({
    extras: [],
    incomplete: false,
  });
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const [actionError, setActionError] = useState<unknown>();

  const firstPage = first.state === 'ready' || first.state === 'stale' ? first.data : undefined;
  const more = useMore<Row>(
    key,
    firstPage,
    async (cursor) =>
      (await call(api().GET('/reports', { params: { query: reportsApiQuery(filters, cursor) } }))).data,
  );
  const rows = more.items;

  // What is no longer shown (a filter changed, the list was refreshed) is no longer selected.
  const rowsKey = rows.map((r) => `${r.id}:${r.status}`).join(',');
  useEffect(() => setSelected((s) => (s.size === 0 ? s : prune(s, rows))), [rowsKey]);

  const refresh = () => {
    more.reset();
    if (first.state !== 'loading') first.reload();
  };

  const changeFilters = (f: InboxFilters) => {
    setOutcome(undefined);
    setFilters(f);
  };

  const ids = inRowOrder(selected, rows);
  const titles = {
    ...Object.fromEntries(offer.extras.map((e) => [e.id, e.title])),
    ...Object.fromEntries(rows.filter((r) => selected.has(r.id)).map((r) => [r.id, r.title])),
  };
  const groups = groupRows(rows);

  const finish = (kind: Outcome['kind'], results: ItemResult[], caseId?: string) => {
    const done = new Set(succeeded(results));
    setSelected((s) => new Set([...s].filter((id) => !done.has(id))));
    setOutcome({ kind, results, titles, ...(caseId ? { caseId } : {}) });
    setDialog(undefined);
    refresh();
  };

  /** Reads the rest of the selection's groups, then opens the dialog (or, with none, opens the case at once). */
  const prepare = async (kind: 'open' | 'link') => {
    setBusy(true);
    setActionError(undefined);
    setOutcome(undefined);
    const found = await findGroupExtras(ids, rows);
    setOffer(found);
    setBusy(false);
    if (kind === 'open' && found.extras.length === 0) await doOpenCase([]);
    else setDialog(kind);
  };

  const doOpenCase = async (extraIds: string[]) => {
    setBusy(true);
    setActionError(undefined);
    setOutcome(undefined);
    try {
      const { caseId, results } = await openCase([...ids, ...extraIds]);
      if (caseId && failed(results).length === 0) {
        route(`/cases/${caseId}`);
        return;
      }
      finish('opened', results, caseId);
    } catch (err) {
      setDialog(undefined);
      setActionError(err);
    } finally {
      setBusy(false);
    }
  };

  const doDismiss = async (reason: string): Promise<string | undefined> => {
    setOutcome(undefined);
    const results = await dismissAll(ids, reason);
    const bad = failed(results);
    // The reason itself refused (every report the same 400): say so on the field and keep the dialog.
    const refused = bad.map((b) => b.error).find((e) => e instanceof ApiProblem && e.status === 400);
    if (bad.length === results.length && refused instanceof ApiProblem) {
      return refused.fieldError('/reason') ?? refused.detail ?? refused.title;
    }
    finish('dismissed', results);
    return undefined;
  };

  const doLink = async (caseId: string, _title: string, extraIds: string[]) => {
    setOutcome(undefined);
    try {
      const { results } = await linkToCase(caseId, [...ids, ...extraIds]);
      finish('linked', results, caseId);
    } catch (err) {
      setDialog(undefined);
      setActionError(err);
    }
  };

  const all = allState(selected, rows);
  const selectableCount = rows.filter(selectable).length;

  return (
    <section class="inbox" aria-labelledby="inbox-title">
      <div class="page-title">
        <h1 id="inbox-title">{t.desk.inbox.title}</h1>
        <ExportButton path="/reports.csv" filters={reportsApiQuery(filters)} />
      </div>
      <p class="muted">{t.desk.inbox.intro}</p>
      <SearchBox
        id="inbox-q"
        value={filters.q}
        onSearch={(q) => changeFilters(withFilter(filters, 'q', q))}
      />
      <Filters filters={filters} onChange={changeFilters} />
      {outcome ? <OutcomeBox outcome={outcome} onClose={() => setOutcome(undefined)} /> : null}
      {actionError ? <ErrorBox error={actionError} /> : null}
      <LoadView load={first} lines={6}>
        {() =>
          rows.length === 0 ? (
            <div class="card">
              <Empty>
                {filters.q
                  ? t.desk.search.empty(filters.q)
                  : hasFilters(filters)
                    ? t.desk.inbox.emptyFiltered
                    : t.desk.inbox.empty}
              </Empty>
            </div>
          ) : (
            <div class="card inbox-card">
              <div class="inbox-listhead">
                <label class="select-all">
                  <input
                    type="checkbox"
                    checked={all === 'all'}
                    indeterminate={all === 'some'}
                    disabled={selectableCount === 0}
                    onChange={() => setSelected((s) => toggleAll(s, rows))}
                  />{' '}
                  {t.desk.inbox.selectAll}
                </label>
                <span class="meta" role="status">
                  {t.desk.inbox.count(rows.length)}
                </span>
              </div>
              <ul class="list inbox-list">
                {groups.map((g) => (
                  <GroupRows
                    key={g.key}
                    g={g}
                    open={isOpen(g, folded, selected)}
                    selected={selected}
                    onToggle={(id) => setSelected((s) => toggle(s, id))}
                    onFold={(k) => setFolded((f) => toggle(f, k))}
                  />
                ))}
              </ul>
              <LoadMore more={more} />
            </div>
          )
        }
      </LoadView>
      {selected.size > 0 ? (
        <section class="toolbar selection-bar" aria-label={t.desk.selection.label}>
          <strong>{t.desk.selection.count(selected.size)}</strong>
          <button
            type="button"
            class="button button-primary"
            disabled={busy}
            onClick={() => void prepare('open')}
          >
            {busy ? t.desk.selection.working : t.desk.selection.openCase}
          </button>
          <button type="button" class="button" disabled={busy} onClick={() => void prepare('link')}>
            {t.desk.selection.link}
          </button>
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            onClick={() => setDialog('dismiss')}
          >
            {t.desk.selection.dismiss}
          </button>
          <button type="button" class="link-button" disabled={busy} onClick={() => setSelected(new Set())}>
            {t.desk.selection.clear}
          </button>
        </section>
      ) : null}
      {dialog === 'dismiss' ? (
        <DismissDialog count={ids.length} onCancel={() => setDialog(undefined)} onConfirm={doDismiss} />
      ) : null}
      {dialog === 'link' ? (
        <LinkDialog
          count={ids.length}
          extras={offer.extras}
          incomplete={offer.incomplete}
          onCancel={() => setDialog(undefined)}
          onConfirm={doLink}
        />
      ) : null}
      {dialog === 'open' ? (
        <OpenCaseDialog
          count={ids.length}
          extras={offer.extras}
          incomplete={offer.incomplete}
          onCancel={() => setDialog(undefined)}
          onConfirm={doOpenCase}
        />
      ) : null}
    </section>
  );
}

// A case's history as a timeline: when (in the configured zone), what, who
// (their role), with the action's details and note.
import type { ComponentChildren } from 'preact';
import { config } from '../../config';
import { type Catalogue, type Lang, useI18n } from '../../i18n';
import type { Reference } from '../../reference';
import { nameOf } from '../../reference';
import { dateTime } from '../../time';
import type { HistoryEntry } from './case-model';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The one-line detail of an entry: whom it was assigned to, the outcome, how many reports. */
export const entryDetail = (
  entry: HistoryEntry,
  reference: Reference | undefined,
  t: Catalogue,
  lang: Lang,
  zone: string,
): ComponentChildren => {
  const d = entry.details;
  switch (entry.action) {
    case 'assign': {
      const agency = str(d.agencyId);
      const due = str(d.dueAt);
      if (!agency || !due) return null;
      return (
        <>
          {t.cases.entry.assigned(
            nameOf(reference?.agencies, agency, lang),
            dateTime(due, lang, zone, false),
          )}
        </>
      );
    }
    case 'close': {
      const outcome = str(d.outcome) as keyof typeof t.common.outcome | undefined;
      const evidence = str(d.evidenceUrl);
      return (
        <>
          {outcome ? t.cases.entry.closed(t.common.outcome[outcome] ?? outcome) : null}
          {evidence ? (
            <>
              {' · '}
              <a href={evidence} rel="noopener noreferrer" target="_blank">
                {t.cases.evidence}
              </a>
            </>
          ) : null}
        </>
      );
    }
    case 'link-reports':
      return Array.isArray(d.reportIds) ? t.cases.entry.linked(d.reportIds.length) : null;
    case 'flag-briefing':
      return <>{str(d.briefingId) ? t.cases.entry.flagged : t.cases.entry.unflagged}</>;
    case 'unlink-report': {
      const id = str(d.reportId);
      return id ? <a href={`/reports/${id}`}>{t.cases.entry.unlinked(id)}</a> : null;
    }
    case 'merge': {
      // On the merged case: where it went; on the survivor: which case it took in.
      const into = str(d.intoCaseId);
      const from = str(d.mergedCaseId);
      const other = into ?? from;
      if (!other) return null;
      return (
        <>
          {into ? t.cases.entry.mergedInto : t.cases.entry.mergedFrom}{' '}
          <a href={`/cases/${other}`}>{t.cases.caseId(other)}</a>
        </>
      );
    }
    default:
      return null;
  }
};

const EntryLine = ({ detail }: { detail: ComponentChildren }) =>
  detail ? <p class="case-entry-detail">{detail}</p> : null;

export const Timeline = ({
  history,
  reference,
  caseId,
}: {
  history: readonly HistoryEntry[];
  reference: Reference | undefined;
  /** The case shown: entries naming another case came from a case merged into it. */
  caseId?: string;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  if (history.length === 0) return <p class="empty">{t.cases.noHistory}</p>;
  // Newest last, as it happened.
  return (
    <ol class="timeline case-timeline">
      {history.map((e) => (
        <li
          key={`${e.caseId ?? ''}:${e.version}`}
          class={caseId && e.caseId && e.caseId !== caseId ? 'case-entry-merged' : undefined}
        >
          {caseId && e.caseId && e.caseId !== caseId ? (
            <p class="meta case-entry-from">
              {t.cases.entry.fromCase} <a href={`/cases/${e.caseId}`}>{t.cases.caseId(e.caseId)}</a>
            </p>
          ) : null}
          <p class="case-entry-head">
            <time dateTime={e.at}>{dateTime(e.at, lang, zone, false)}</time>{' '}
            <strong>{t.cases.action[e.action]}</strong>
          </p>
          <EntryLine detail={entryDetail(e, reference, t, lang, zone)} />
          {e.note ? <p class="case-entry-note">{e.note}</p> : null}
          <p class="meta">{t.cases.entry.by(t.common.role[e.role], e.by)}</p>
        </li>
      ))}
    </ol>
  );
};

// The duplicate hints of a submission: the other reports sharing a source URL or
// saying nearly the same thing, each with why (“same link”, “similar wording,
// 82%”) and its state. Each links to its report page when the collaborator may
// open it (their own report); the others are named only, as the API hides them.
import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ReportStatusChip, similarReasonText } from '../../ui/chips';

export type Dup = {
  id: string;
  status: string;
  caseId: string | null;
  /** Absent on hints kept from before the reasons existed (a queued item's). */
  reason?: 'sameUrl' | 'similarText';
  score?: number;
};

const CHECK_AT_MOST = 5;

export const Duplicates = ({ items }: { items: readonly Dup[] }) => {
  const { t, lang } = useI18n();
  const [openable, setOpenable] = useState<ReadonlySet<string>>(new Set());
  const ids = items.map((d) => d.id).join(',');
  useEffect(() => {
    let live = true;
    const check = ids ? ids.split(',').slice(0, CHECK_AT_MOST) : [];
    void Promise.all(
      check.map((id) =>
        call(api().GET('/reports/{id}', { params: { path: { id } } })).then(
          () => id,
          () => undefined,
        ),
      ),
    ).then((ok) => {
      if (live) setOpenable(new Set(ok.filter((id): id is string => id !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [ids]);
  if (!items.length) return null;
  const why = (d: Dup) => similarReasonText(t, lang, d.reason, d.score);
  return (
    <div class="duplicates">
      <h3>{t.reporter.duplicatesTitle}</h3>
      <p>{t.reporter.duplicatesIntro}</p>
      <ul>
        {items.map((d) => (
          <li key={d.id}>
            {openable.has(d.id) ? (
              <a href={`/reports/${d.id}`}>{t.reporter.duplicate(d.id)}</a>
            ) : (
              <span>{t.reporter.duplicate(d.id)}</span>
            )}{' '}
            <ReportStatusChip status={d.status as 'new'} />
            {why(d) ? <span class="meta dup-reason"> · {why(d)}</span> : null}
            {d.caseId ? <span class="meta"> · {t.reporter.inCase(d.caseId)}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
};

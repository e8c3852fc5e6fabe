// The duplicate hints of a submission: the other reports sharing a source URL,
// with their state. Each links to its report page when the collaborator may open
// it (their own report); the others are named only, as the API hides them.
import { useEffect, useState } from 'preact/hooks';
import { api, call } from '../../api/client';
import { useI18n } from '../../i18n';
import { ReportStatusChip } from '../../ui/chips';

type Dup = { id: string; status: string; caseId: string | null };

const CHECK_AT_MOST = 5;

export const Duplicates = ({ items }: { items: readonly Dup[] }) => {
  const { t } = useI18n();
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
            {d.caseId ? <span class="meta"> · {t.reporter.inCase(d.caseId)}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
};

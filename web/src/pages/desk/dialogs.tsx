// The inbox's dialogs: dismiss with a reason, pick an open case to link to, and
// open a case; the last two offer the rest of the selected reports' similarity
// groups that are still new (ticked by default: they say the same thing).
import { useState } from 'preact/hooks';
import { useLoad } from '../../api/use-load';
import { config } from '../../config';
import { useI18n } from '../../i18n';
import { dateTime } from '../../time';
import { CaseStatusChip, similarReasonText } from '../../ui/chips';
import { Field } from '../../ui/field';
import { Empty, LoadView } from '../../ui/states';
import { type LinkableCase, linkableCases } from './actions';
import { Dialog } from './dialog';
import type { GroupExtra } from './groups';

/** The rest of the groups, each with a box (ticked by default) to take it along. */
export const ExtrasField = ({
  extras,
  incomplete,
  chosen,
  onChange,
}: {
  extras: readonly GroupExtra[];
  incomplete: boolean;
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) => {
  const { t, lang } = useI18n();
  const g = t.desk.groupExtras;
  if (extras.length === 0) return incomplete ? <p class="meta">{g.incomplete}</p> : null;
  return (
    <fieldset class="case-choices group-extras" aria-describedby="group-extras-intro">
      <legend>{g.legend(extras.length)}</legend>
      <p class="meta" id="group-extras-intro">
        {g.intro}
      </p>
      <ul class="list">
        {extras.map((e) => {
          const why = similarReasonText(t, lang, e.reason, e.score);
          return (
            <li key={e.id}>
              <label class="case-choice">
                <input
                  type="checkbox"
                  checked={chosen.has(e.id)}
                  onChange={() => {
                    const next = new Set(chosen);
                    if (next.has(e.id)) next.delete(e.id);
                    else next.add(e.id);
                    onChange(next);
                  }}
                />
                <span>
                  <span class="case-choice-title">{e.title}</span>{' '}
                  <span class="meta">
                    {g.submitted(dateTime(e.submittedAt, lang, config().timeZone, false))}
                    {why ? ` · ${why}` : ''}
                  </span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {incomplete ? <p class="meta">{g.incomplete}</p> : null}
    </fieldset>
  );
};

/** Opening a case when the selection's groups hold other new reports: which go along. */
export const OpenCaseDialog = ({
  count,
  extras,
  incomplete,
  onCancel,
  onConfirm,
}: {
  count: number;
  extras: readonly GroupExtra[];
  incomplete: boolean;
  onCancel: () => void;
  onConfirm: (extraIds: string[]) => Promise<void>;
}) => {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(extras.map((e) => e.id)));
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    await onConfirm(extras.filter((x) => chosen.has(x.id)).map((x) => x.id));
    setBusy(false);
  };
  return (
    <Dialog id="open-dialog" title={t.desk.openDialog.title(count)} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <ExtrasField extras={extras} incomplete={incomplete} chosen={chosen} onChange={setChosen} />
        <div class="row dialog-actions">
          <button type="submit" class="button button-primary" disabled={busy}>
            {busy ? t.desk.selection.working : t.desk.openDialog.confirm(count + chosen.size)}
          </button>
          <button type="button" class="button" onClick={onCancel} disabled={busy}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
};

/** `onConfirm` answers a message for the reason field when the API refused it, or nothing when done. */
export const DismissDialog = ({
  count,
  onCancel,
  onConfirm,
}: {
  count: number;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<string | undefined>;
}) => {
  const { t } = useI18n();
  const d = t.desk.dismissDialog;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const text = reason.trim();
    if (!text) {
      setError(d.reasonRequired);
      (document.getElementById('dismiss-reason') as HTMLInputElement | null)?.focus();
      return;
    }
    setBusy(true);
    setError(await onConfirm(text));
    setBusy(false);
  };
  return (
    <Dialog id="dismiss-dialog" title={d.title(count)} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <p>{d.intro}</p>
        <Field id="dismiss-reason" label={d.reason} hint={d.reasonHint} required error={error}>
          <input
            type="text"
            maxLength={500}
            autoComplete="off"
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </Field>
        <div class="row dialog-actions">
          <button type="submit" class="button button-primary button-danger-fill" disabled={busy}>
            {busy ? t.desk.selection.working : d.confirm}
          </button>
          <button type="button" class="button" onClick={onCancel} disabled={busy}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
};

const CaseChoice = ({
  c,
  checked,
  onPick,
}: {
  c: LinkableCase;
  checked: boolean;
  onPick: (id: string) => void;
}) => {
  const { t } = useI18n();
  return (
    <li>
      <label class="case-choice">
        <input type="radio" name="link-case" value={c.id} checked={checked} onChange={() => onPick(c.id)} />
        <span>
          <span class="case-choice-title">{c.title}</span>{' '}
          <span class="meta">
            <CaseStatusChip status={c.status} /> {t.desk.linkDialog.reports(c.reportCount)}
          </span>
        </span>
      </label>
    </li>
  );
};

export const LinkDialog = ({
  count,
  extras = [],
  incomplete = false,
  onCancel,
  onConfirm,
}: {
  count: number;
  extras?: readonly GroupExtra[];
  incomplete?: boolean;
  onCancel: () => void;
  onConfirm: (caseId: string, title: string, extraIds: string[]) => Promise<void>;
}) => {
  const { t } = useI18n();
  const d = t.desk.linkDialog;
  const cases = useLoad('desk.linkable-cases', linkableCases);
  const [picked, setPicked] = useState<string>();
  const [words, setWords] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [chosenExtras, setChosenExtras] = useState<Set<string>>(() => new Set(extras.map((e) => e.id)));

  const submit = async (e: Event) => {
    e.preventDefault();
    const all = cases.state === 'ready' || cases.state === 'stale' ? cases.data : [];
    const chosen = all.find((c) => c.id === picked);
    if (!chosen) {
      setError(d.pickRequired);
      return;
    }
    setBusy(true);
    await onConfirm(
      chosen.id,
      chosen.title,
      extras.filter((x) => chosenExtras.has(x.id)).map((x) => x.id),
    );
    setBusy(false);
  };

  return (
    <Dialog id="link-dialog" title={d.title(count)} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <ExtrasField
          extras={extras}
          incomplete={incomplete}
          chosen={chosenExtras}
          onChange={setChosenExtras}
        />
        <LoadView load={cases}>
          {(list) => {
            if (list.length === 0) return <Empty>{d.none}</Empty>;
            const needle = words.trim().toLocaleLowerCase();
            const shown = needle ? list.filter((c) => c.title.toLocaleLowerCase().includes(needle)) : list;
            return (
              <>
                <Field id="link-search" label={d.search}>
                  <input type="search" value={words} onInput={(e) => setWords(e.currentTarget.value)} />
                </Field>
                <fieldset class="case-choices" aria-describedby={error ? 'link-error' : undefined}>
                  <legend>{d.choose}</legend>
                  {shown.length === 0 ? (
                    <Empty>{d.noMatch}</Empty>
                  ) : (
                    <ul class="list">
                      {shown.map((c) => (
                        <CaseChoice
                          key={c.id}
                          c={c}
                          checked={picked === c.id}
                          onPick={(id) => {
                            setPicked(id);
                            setError(undefined);
                          }}
                        />
                      ))}
                    </ul>
                  )}
                </fieldset>
              </>
            );
          }}
        </LoadView>
        {error ? (
          <p class="error-text" id="link-error" role="alert">
            {error}
          </p>
        ) : null}
        <div class="row dialog-actions">
          <button type="submit" class="button button-primary" disabled={busy || cases.state === 'loading'}>
            {busy ? t.desk.selection.working : d.confirm}
          </button>
          <button type="button" class="button" onClick={onCancel} disabled={busy}>
            {t.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
};

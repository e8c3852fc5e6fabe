// The attach control: one large "choose" target (a file input with no
// `capture`, so a phone offers its camera and its gallery), the limits shown
// before choosing, and one row per chosen file with its progress and the
// server's words when it is refused. Files go one at a time (a phone on 3G
// shares its bandwidth badly); a failed one is retried from the step that
// failed without choosing it again. It holds no other form's state: attaching
// never touches what is typed elsewhere on the page, nor the owner's version.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem } from '../api/client';
import { useI18n } from '../i18n';
import { useErrorText } from '../ui/states';
import {
  acceptOf,
  checkChosen,
  countLeft,
  type FileLimits,
  type FileView,
  formatSize,
  isActive,
  isExpired,
  type Owner,
  retryFrom,
  SNIFF_BYTES,
  type Step,
  type UploadState,
} from './attach-model';
import { confirmUpload, StepFailed, sendToStorage, startUpload, type UploadForm } from './upload';
import './files.css';

type Note =
  | { kind: 'type' }
  | { kind: 'size'; size: number }
  | { kind: 'empty' }
  | { kind: 'count' }
  | { kind: 'network' }
  | { kind: 'storage' }
  | { kind: 'problem'; error: unknown };

interface Item {
  key: number;
  file: File;
  state: UploadState;
  /** Where the next try starts. */
  from: Step;
  progress: number;
  type?: string;
  form?: UploadForm;
  note?: Note;
}

let nextKey = 1;

export const Attach = ({
  owner,
  limits,
  attached,
  onAttached,
  idPrefix = 'files',
}: {
  owner: Owner;
  limits: FileLimits;
  /** The ids of the owner's files the page lists, or the owner's `fileCount` while the list loads. */
  attached: readonly string[] | number;
  onAttached: (file: FileView) => void;
  idPrefix?: string;
}) => {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [items, setItems] = useState<Item[]>([]);
  const itemsRef = useRef(items);
  itemsRef.current = items;
  const running = useRef(false);
  const ownerRef = useRef(owner);
  ownerRef.current = owner;
  const onAttachedRef = useRef(onAttached);
  onAttachedRef.current = onAttached;

  // Files attached here, counted until the page's list holds them too.
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const listed = typeof attached === 'number' ? undefined : new Set(attached);
  const count = listed
    ? listed.size + [...done].filter((id) => !listed.has(id)).length
    : Math.max(attached as number, done.size);
  const active = items.filter((i) => isActive(i.state)).length;
  const left = countLeft(limits, count, active);

  const update = (key: number, patch: Partial<Item>) => {
    itemsRef.current = itemsRef.current.map((i) => (i.key === key ? { ...i, ...patch } : i));
    setItems(itemsRef.current);
  };

  const run = async (item: Item) => {
    let form = item.form;
    let at: Step = item.from;
    try {
      if (at === 'start' || !form) {
        at = 'start';
        update(item.key, { state: 'uploading', progress: 0 });
        form = await startUpload(ownerRef.current, {
          name: item.file.name,
          type: item.type ?? item.file.type,
          size: item.file.size,
        });
        update(item.key, { form });
        at = 'upload';
      }
      if (at === 'upload') {
        update(item.key, { state: 'uploading', progress: 0 });
        const key = item.key;
        await sendToStorage(form.upload, item.file, (share) => update(key, { progress: share }));
        at = 'confirm';
      }
      update(item.key, { state: 'confirming' });
      const view = await confirmUpload(ownerRef.current, form.fileId);
      update(item.key, { state: 'done', progress: 1 });
      setDone((d) => new Set(d).add(view.id));
      onAttachedRef.current(view);
    } catch (err) {
      if (!(err instanceof StepFailed)) {
        update(item.key, { state: 'failed', from: at, note: { kind: 'problem', error: err } });
        return;
      }
      // A form a minute from expiring is not worth sending: ask for a new one.
      const formValid = form !== undefined && !isExpired(form.expiresAt, Date.now(), 60_000);
      const from = retryFrom(err.step, err.failure, formValid);
      const note: Note =
        err.failure.kind === 'problem'
          ? { kind: 'problem', error: err.problem ?? new ApiProblem(err.failure.status, {}) }
          : { kind: err.failure.kind };
      update(item.key, {
        state: from ? 'failed' : 'refused',
        from: from ?? 'start',
        note,
        ...(from === 'start' ? { form: undefined } : {}),
      });
    }
  };

  const pump = async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        const next = itemsRef.current.find((i) => i.state === 'waiting');
        if (!next) break;
        await run(next);
      }
    } finally {
      running.current = false;
    }
  };

  const choose = async (input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    // Cleared so that choosing the same file again (after removing it) fires again.
    input.value = '';
    let room = left;
    const added: Item[] = [];
    for (const file of chosen) {
      const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
      const check = checkChosen(head, file.size, limits);
      const base = { key: nextKey++, file, from: 'start' as const, progress: 0 };
      if (!check.ok) {
        const note: Note =
          check.reason === 'size' ? { kind: 'size', size: check.size } : { kind: check.reason };
        added.push({ ...base, state: 'refused', note });
      } else if (room <= 0) {
        added.push({ ...base, state: 'refused', note: { kind: 'count' } });
      } else {
        room--;
        added.push({ ...base, state: 'waiting', type: check.type });
      }
    }
    itemsRef.current = [...itemsRef.current, ...added];
    setItems(itemsRef.current);
    void pump();
  };

  const retry = (item: Item) => {
    update(item.key, { state: 'waiting', progress: 0, note: undefined });
    void pump();
  };
  const dismiss = (item: Item) => {
    itemsRef.current = itemsRef.current.filter((i) => i.key !== item.key);
    setItems(itemsRef.current);
  };

  // A row of an attached file leaves once the page's list shows the file (the list is the record).
  const listedKey = listed ? [...listed].join(',') : '';
  useEffect(() => {
    if (!listedKey) return;
    const ids = new Set(listedKey.split(','));
    const keep = itemsRef.current.filter((i) => !(i.state === 'done' && i.form && ids.has(i.form.fileId)));
    if (keep.length !== itemsRef.current.length) {
      itemsRef.current = keep;
      setItems(keep);
    }
  }, [listedKey]);

  // Leaving (or reloading) the page while a file is on its way would drop it: the browser asks first.
  // A layout effect runs in the same task as the render, so whenever the page shows a
  // file on its way the guard is already there (a plain effect left a gap after paint).
  const busy = active > 0;
  useLayoutEffect(() => {
    if (!busy) return;
    // preventDefault() is what makes current browsers ask (Chrome 119+, Firefox, Safari).
    const hold = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', hold);
    return () => window.removeEventListener('beforeunload', hold);
  }, [busy]);

  const maxText = formatSize(limits.maxBytes, lang);
  const noteText = (note: Note): string => {
    switch (note.kind) {
      case 'type':
        return '';
      case 'size':
        return t.files.refusedSize(formatSize(note.size, lang), maxText);
      case 'empty':
        return t.files.refusedEmpty;
      case 'count':
        return t.files.refusedCount(limits.maxCount);
      case 'network':
        return t.files.networkError;
      case 'storage':
        return t.files.storageError;
      case 'problem': {
        // A file refusal in the console's language by its code; any other problem in the API's words.
        const code = note.error instanceof ApiProblem ? note.error.body.code : undefined;
        const words =
          typeof code === 'string' ? (t.files.refusal as Record<string, string>)[code] : undefined;
        return words ?? errorText(note.error);
      }
    }
  };
  const stateText = (i: Item): string =>
    i.state === 'uploading' ? t.files.state.uploading(Math.round(i.progress * 100)) : t.files.state[i.state];

  const hintId = `${idPrefix}-limits`;
  const inputId = `${idPrefix}-input`;
  const full = left === 0;
  return (
    <div class="attach">
      <p class="hint" id={hintId}>
        {full && active === 0
          ? t.files.full(limits.maxCount)
          : t.files.limits(left, limits.maxCount, maxText)}
      </p>
      <label class={`button button-block file-pick${full ? ' file-pick-disabled' : ''}`} for={inputId}>
        <input
          id={inputId}
          class="visually-hidden"
          type="file"
          multiple
          accept={acceptOf(limits)}
          disabled={full}
          aria-describedby={hintId}
          onChange={(e) => void choose(e.currentTarget)}
        />
        <span aria-hidden="true" class="file-pick-icon">
          +
        </span>{' '}
        {t.files.choose}
      </label>
      {items.length ? (
        <ul class="uploads" aria-label={t.files.uploads} aria-live="polite">
          {items.map((i) => (
            <li key={i.key} class={`upload upload-${i.state}`} data-upload-state={i.state}>
              <p class="upload-head">
                <span class="upload-name">{i.file.name}</span>{' '}
                <span class="meta">{formatSize(i.file.size, lang)}</span>
              </p>
              <p class="upload-state">{stateText(i)}</p>
              {i.state === 'uploading' ? (
                <progress
                  max={100}
                  value={Math.round(i.progress * 100)}
                  aria-label={t.files.progress(i.file.name)}
                />
              ) : null}
              {i.note ? (
                <p class="error-text upload-note">
                  {i.note.kind === 'type' ? t.files.refusedType(i.file.name) : noteText(i.note)}
                </p>
              ) : null}
              {i.state === 'failed' || i.state === 'refused' ? (
                <p class="row">
                  {i.state === 'failed' ? (
                    <button
                      type="button"
                      class="button"
                      aria-label={t.files.retryLabel(i.file.name)}
                      onClick={() => retry(i)}
                    >
                      {t.files.retry}
                    </button>
                  ) : null}
                  <button
                    type="button"
                    class="button"
                    aria-label={t.files.dismissLabel(i.file.name)}
                    onClick={() => dismiss(i)}
                  >
                    {t.files.dismiss}
                  </button>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
};

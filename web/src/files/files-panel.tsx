// A report's or a case's files: the list (a lazy thumbnail for images, a PDF
// mark with its page count otherwise; name, size, who by role and when;
// tapping opens the file in a new tab) and, where the caller may attach, the
// attach control. A case's list holds its own files, then each report's.
// Signed links expire (`urlExpiresAt`): opening an expired one asks for the
// list again and opens the fresh link.
import { useState } from 'preact/hooks';
import { useLoad } from '../api/use-load';
import { config } from '../config';
import { useI18n } from '../i18n';
import { useReference } from '../reference';
import { dateTime } from '../time';
import { Empty, ErrorBox, LoadView } from '../ui/states';
import { Attach } from './attach';
import {
  type FileView,
  formatSize,
  groupFiles,
  isExpired,
  limitsFor,
  type Owner,
  type ReferenceFiles,
} from './attach-model';
import { listFiles } from './upload';
import './files.css';

export const FilesPanel = ({
  owner,
  canAttach,
  fileCount,
  reportIds,
  linkReports = false,
}: {
  owner: Owner;
  /** The caller may attach here now (role and the owner's state); the API decides again. */
  canAttach: boolean;
  /** The owner view's `fileCount`: the count left is shown before the list has loaded. */
  fileCount?: number | undefined;
  /** A case's reports, in order: its list groups their files under them. */
  reportIds?: readonly string[];
  /** Link each report's group to its page (the desk: an agency cannot open reports). */
  linkReports?: boolean;
}) => {
  const { t } = useI18n();
  const reference = useReference();
  const ref = reference.state === 'ready' || reference.state === 'stale' ? reference.data : undefined;
  // A reference cached before files existed has no `files`: the config's defaults stand in.
  const limits = limitsFor(owner.kind, (ref as { files?: ReferenceFiles } | undefined)?.files);
  const load = useLoad(`files:${owner.kind}:${owner.id}`, () => listFiles(owner));
  const items = load.state === 'ready' || load.state === 'stale' ? load.data : undefined;
  const own = items?.filter((f) => f.source.kind === owner.kind && f.source.id === owner.id);
  const headingId = `files-${owner.kind}-title`;

  return (
    <section class="card files" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t.files.title}
        {items ? <span class="meta"> · {t.files.count(items.length)}</span> : null}
      </h2>
      <LoadView load={load} lines={2}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t.files.none}</Empty>
          ) : (
            <FileGroups
              items={list}
              owner={owner}
              reportIds={reportIds}
              linkReports={linkReports}
              setItems={load.state === 'ready' || load.state === 'stale' ? load.setData : undefined}
            />
          )
        }
      </LoadView>
      {canAttach ? (
        <>
          <h3>{t.files.attachTitle}</h3>
          <p class="meta">{t.files.attachIntro}</p>
          <Attach
            owner={owner}
            limits={limits}
            attached={own ? own.map((f) => f.id) : (fileCount ?? 0)}
            idPrefix={`files-${owner.kind}`}
            onAttached={() => {
              if (load.state !== 'loading') load.reload();
            }}
          />
        </>
      ) : null}
    </section>
  );
};

const FileGroups = ({
  items,
  owner,
  reportIds,
  linkReports,
  setItems,
}: {
  items: FileView[];
  owner: Owner;
  reportIds: readonly string[] | undefined;
  linkReports: boolean;
  setItems: ((items: FileView[]) => void) | undefined;
}) => {
  const { t } = useI18n();
  const [renewError, setRenewError] = useState<unknown>(null);
  // Thumbnails that failed to load once their links expired: the list is asked for again, once.
  const [renewedFor, setRenewedFor] = useState<FileView[] | null>(null);

  const renew = async (): Promise<FileView[] | undefined> => {
    try {
      const fresh = await listFiles(owner);
      setItems?.(fresh);
      setRenewError(null);
      return fresh;
    } catch (err) {
      setRenewError(err);
      return undefined;
    }
  };

  const open = (f: FileView, e: MouseEvent) => {
    if (!isExpired(f.urlExpiresAt, Date.now())) return;
    // The link has expired: open the tab now (a tab opened after an await is a
    // blocked pop-up), then send it to the fresh link.
    e.preventDefault();
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    void renew().then((fresh) => {
      const link = fresh?.find((x) => x.id === f.id)?.url;
      if (tab && link) tab.location.href = link;
      else tab?.close();
    });
  };
  const thumbFailed = (f: FileView) => {
    if (renewedFor !== items && isExpired(f.urlExpiresAt, Date.now())) {
      setRenewedFor(items);
      void renew();
    }
  };

  const list = (files: FileView[]) => (
    <ul class="file-list">
      {files.map((f) => (
        <FileRow key={f.id} f={f} onOpen={open} onThumbError={thumbFailed} />
      ))}
    </ul>
  );

  return (
    <>
      {renewError ? <ErrorBox error={renewError} /> : null}
      {owner.kind === 'case'
        ? groupFiles(items, reportIds ?? [], owner.id).map((g) => (
            <div key={`${g.source.kind}:${g.source.id}`} class="file-group">
              <h3>
                {g.merged
                  ? t.files.mergedCaseFiles(g.n)
                  : g.source.kind === 'case'
                    ? t.files.caseFiles
                    : t.files.reportFiles(g.n)}
                {g.merged ? (
                  <>
                    {' · '}
                    <a href={`/cases/${g.source.id}`}>{t.files.caseLink}</a>
                  </>
                ) : null}
                {g.source.kind === 'report' && linkReports ? (
                  <>
                    {' · '}
                    <a href={`/reports/${g.source.id}`}>{t.files.reportLink}</a>
                  </>
                ) : null}
              </h3>
              {list(g.files)}
            </div>
          ))
        : list(items)}
    </>
  );
};

const PdfMark = () => (
  <svg class="file-icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
    <path d="M10 4h20l10 10v30H10z" fill="#fef3f2" stroke="#b42318" stroke-width="2" />
    <path d="M30 4v10h10" fill="none" stroke="#b42318" stroke-width="2" />
    <text x="25" y="36" text-anchor="middle" font-size="11" font-weight="700" fill="#b42318">
      PDF
    </text>
  </svg>
);

const FileRow = ({
  f,
  onOpen,
  onThumbError,
}: {
  f: FileView;
  onOpen: (f: FileView, e: MouseEvent) => void;
  onThumbError: (f: FileView) => void;
}) => {
  const { t, lang } = useI18n();
  const zone = config().timeZone;
  const details = [
    f.type === 'application/pdf'
      ? `${t.files.pdf}${f.pages ? ` · ${t.files.pages(f.pages)}` : ''}`
      : f.width && f.height
        ? `${f.width}×${f.height}`
        : undefined,
    formatSize(f.size, lang),
    t.files.byWhen(t.common.role[f.uploadedBy], dateTime(f.createdAt, lang, zone, false)),
  ].filter(Boolean);
  return (
    <li class="file-item" data-file-id={f.id}>
      <a
        class="file-link"
        href={f.url}
        target="_blank"
        rel="noopener noreferrer"
        onClick={(e) => onOpen(f, e as unknown as MouseEvent)}
      >
        {f.thumbnailUrl ? (
          <img
            class="file-thumb"
            src={f.thumbnailUrl}
            loading="lazy"
            decoding="async"
            width={64}
            height={64}
            alt=""
            onError={() => onThumbError(f)}
          />
        ) : (
          <PdfMark />
        )}
        <span class="file-name">{f.name}</span>
        <span class="visually-hidden"> {t.files.newTab}</span>
      </a>
      <p class="meta file-meta">{details.join(' · ')}</p>
    </li>
  );
};

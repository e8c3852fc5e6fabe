// English: evidence files on reports and cases (attaching, the lists).
import type { Catalogue } from '../catalogue';

export const files: Catalogue['files'] = {
  title: 'Files',
  attachTitle: 'Attach evidence',
  attachIntro: 'Screenshots, photos or PDFs of what circulated (optional).',
  choose: 'Choose photos or files',
  limits: (left: number, max: number, size: string) =>
    `You can attach ${left} more of ${max} files: JPEG, PNG or WebP images or PDFs, up to ${size} each. Photos lose their location and device details before anyone sees them.`,
  full: (max: number) => `${max} files attached: no more can be added.`,
  uploads: 'Files being sent',
  state: {
    waiting: 'Waiting to send',
    checking: 'Reading the file…',
    uploading: (pct: number) => `Uploading ${pct}%`,
    confirming: 'The server is checking and cleaning the file…',
    done: 'Attached',
    failed: 'Not sent yet',
    refused: 'Not accepted',
  },
  refusedType: (name: string) =>
    `“${name}” is not a JPEG, PNG or WebP image or a PDF (its content was read, not its name), so it was not sent. Choose a screenshot, a photo or a PDF.`,
  refusedSize: (size: string, max: string) => `The file is ${size}, over the limit of ${max} per file.`,
  refusedEmpty: 'The file is empty.',
  refusedCount: (max: number) => `${max} files already: this one was not sent.`,
  networkError:
    'The connection dropped while sending. Press “Try again” once online; no need to choose it again.',
  storageError:
    'The storage did not take the file (the upload form may have expired). Press “Try again” to send it again.',
  retry: 'Try again',
  retryLabel: (name: string) => `Send ${name} again`,
  dismiss: 'Remove',
  dismissLabel: (name: string) => `Remove ${name} from the list`,
  progress: (name: string) => `Upload progress of ${name}`,
  none: 'No files yet.',
  caseFiles: "The case's files",
  reportFiles: (n: number) => `Files of report ${n}`,
  mergedCaseFiles: (n: number) => `Files of merged case ${n}`,
  caseLink: 'open the case',
  reportLink: 'open the report',
  pages: (n: number) => (n === 1 ? '1 page' : `${n} pages`),
  pdf: 'PDF',
  newTab: '(opens in a new tab)',
  byWhen: (who: string, when: string) => `${who} · ${when}`,
  refusal: {
    'file-limit': 'The file limit is reached: this file was not attached.',
    'owner-closed': 'No more files can be attached: the report was dismissed or the case is closed.',
    'file-too-large': 'The file is over the size limit.',
    'file-type-not-allowed': 'The server read the file: it is not a JPEG, PNG or WebP image or a PDF.',
    'file-type-mismatch': 'The file’s content does not match the type declared.',
    'file-damaged': 'The server cannot read the file: it is damaged or password-protected.',
    'upload-missing': 'The file did not finish uploading. Press “Try again”.',
  },
  renewFailed: 'Could not renew the link to the file. Please try again.',
  count: (n: number) => (n === 1 ? '1 file' : `${n} files`),
};

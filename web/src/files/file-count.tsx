// "2 tệp" beside a report or case in a list: the view's `fileCount` (absent = 0,
// nothing shown), so a list says which items carry evidence without reading them.
import { useI18n } from '../i18n';
import './files.css';

export const FileCount = ({ item }: { item: object }) => {
  const { t } = useI18n();
  const n = (item as { fileCount?: number }).fileCount ?? 0;
  return n > 0 ? <span class="chip chip-files">{t.files.count(n)}</span> : null;
};

// The desk's search box (issue 18, §5) on the inbox and the case list: words
// of the title, summary (and a case's finding and response), with or without
// Vietnamese marks. The words are a filter like the others, kept in the URL
// (`?q=`); what is typed stays in the box until it is searched or cleared,
// whatever else changes on the page.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { MAX_SEARCH_LENGTH } from './search-query';

export const SearchBox = ({
  id,
  value,
  onSearch,
}: {
  /** The input's id (one box per page). */
  id: string;
  /** The words searched now (from the URL). */
  value: string | undefined;
  onSearch: (q: string) => void;
}) => {
  const { t } = useI18n();
  const s = t.desk.search;
  const [typed, setTyped] = useState(value ?? '');
  // The URL changed under the page (back/forward, clear filters): show what it searches.
  useEffect(() => setTyped(value ?? ''), [value]);
  return (
    <form
      class="field search-box"
      aria-label={s.label}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(typed.trim());
      }}
    >
      <label for={id}>{s.label}</label>
      <div class="date-row">
        <input
          id={id}
          type="search"
          value={typed}
          maxLength={MAX_SEARCH_LENGTH}
          placeholder={s.placeholder}
          aria-describedby={`${id}-hint`}
          onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="button">
          {s.submit}
        </button>
        {value ? (
          <button
            type="button"
            class="link-button"
            onClick={() => {
              setTyped('');
              onSearch('');
            }}
          >
            {s.clear}
          </button>
        ) : null}
      </div>
      <p id={`${id}-hint`} class="meta">
        {s.hint}
      </p>
    </form>
  );
};

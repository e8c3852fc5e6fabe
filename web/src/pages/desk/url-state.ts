// A page's filters, kept in the URL query. Changing a filter replaces the URL in
// place (history.replaceState) rather than navigating: the page stays mounted,
// so focus stays on the control just changed and the selection survives; a
// reload or a shared link reads the filters back from the URL. When the URL
// changes under the page (back/forward, or the header's link to the same page,
// which the router does not re-render), the filters follow it.
import { useCallback, useEffect, useState } from 'preact/hooks';

const currentQuery = (): Record<string, string> => Object.fromEntries(new URLSearchParams(location.search));

export const useUrlFilters = <F>(
  parse: (query: Record<string, string>) => F,
  search: (filters: F) => string,
): [F, (next: F) => void] => {
  const [filters, setFilters] = useState<F>(() => parse(currentQuery()));
  useEffect(() => {
    const sync = () => {
      const next = parse(currentQuery());
      setFilters((prev) => (search(prev) === search(next) ? prev : next));
    };
    // After a click the router may have pushed a new URL: look once it has.
    const afterClick = () => setTimeout(sync, 0);
    addEventListener('popstate', sync);
    addEventListener('click', afterClick);
    return () => {
      removeEventListener('popstate', sync);
      removeEventListener('click', afterClick);
    };
  }, [parse, search]);
  const set = useCallback(
    (next: F) => {
      history.replaceState(history.state, '', location.pathname + search(next));
      setFilters(next);
    },
    [search],
  );
  return [filters, set];
};

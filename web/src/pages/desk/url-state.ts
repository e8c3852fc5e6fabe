// A page's filters, kept in the URL query. Changing a filter replaces the URL in
// place (history.replaceState) rather than navigating: the page stays mounted,
// so focus stays on the control just changed and the selection survives; a
// reload or a shared link reads the filters back from the URL.
import { useCallback, useEffect, useState } from 'preact/hooks';

const currentQuery = (): Record<string, string> => Object.fromEntries(new URLSearchParams(location.search));

export const useUrlFilters = <F>(
  parse: (query: Record<string, string>) => F,
  search: (filters: F) => string,
): [F, (next: F) => void] => {
  const [filters, setFilters] = useState<F>(() => parse(currentQuery()));
  useEffect(() => {
    const onPop = () => setFilters(parse(currentQuery()));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, [parse]);
  const set = useCallback(
    (next: F) => {
      history.replaceState(history.state, '', location.pathname + search(next));
      setFilters(next);
    },
    [search],
  );
  return [filters, set];
};

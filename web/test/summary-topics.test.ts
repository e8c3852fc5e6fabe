// The summary page's topics: in the email's order (new, rising, steady,
// cooling; then most reports, widest reach), moving ones shown at once.
import { describe, expect, it } from 'vitest';
import { orderTopics, splitTopics, type TrendMark } from '#web/src/pages/summary-model';

const topic = (key: string, mark: TrendMark, reports: number, reach = 0) => ({ key, mark, reports, reach });

describe('summary topics', () => {
  const topics = [
    topic('a', 'steady', 9),
    topic('b', 'cooling', 1),
    topic('c', 'rising', 3, 100),
    topic('d', 'new', 2),
    topic('e', 'rising', 3, 900),
    topic('f', 'rising', 5),
  ];

  it('orders new first, then rising, steady and cooling, the most reported and widest reach first within', () => {
    expect(orderTopics(topics).map((t) => t.key)).toEqual(['d', 'f', 'e', 'c', 'a', 'b']);
  });

  it('shows new and rising at once and folds steady and cooling', () => {
    const { moving, rest } = splitTopics(topics);
    expect(moving.map((t) => t.key)).toEqual(['d', 'f', 'e', 'c']);
    expect(rest.map((t) => t.key)).toEqual(['a', 'b']);
  });
});

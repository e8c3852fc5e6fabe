// GET /summaries/daily's query: an optional local day (default: yesterday).
import * as z from 'zod';
import { isCalendarDay } from './time';

export const summaryQuerySchema = z.strictObject({
  date: z.string().refine(isCalendarDay, 'must be a calendar date YYYY-MM-DD').optional(),
});

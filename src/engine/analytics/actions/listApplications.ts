import type { AnalyticsContext } from './context';
import { applicationSummary } from './describe';

/** Default and largest page (API reference, ListApplications: Limit 1-50). */
const PAGE = 50;

/** Sorted by name; NextToken is the last name of the page, and the next page starts after it. */
export const listApplications = (a: AnalyticsContext, input: { Limit?: number; NextToken?: string }) => {
  const all = a.store.list(a.rc.region);
  const from = input.NextToken === undefined ? 0 : all.findIndex((app) => app.ApplicationName > input.NextToken!);
  const page = from < 0 ? [] : all.slice(from, from + (input.Limit ?? PAGE));
  const more = from >= 0 && from + page.length < all.length;
  return {
    ApplicationSummaries: page.map(applicationSummary),
    ...(more && page.length > 0 ? { NextToken: page[page.length - 1].ApplicationName } : {}),
  };
};

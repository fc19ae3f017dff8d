/**
 * The query options of a detail page. react-admin seeds its getOne cache with the rows of a list,
 * which lack the detail fields (a dead letter's message and headers, a member's profile and
 * history), and shows such a seed as fresh data without asking the API. A meta of its own gives
 * the page a cache entry of its own, always fetched.
 */
export const DETAIL_QUERY = { meta: { detail: true } };

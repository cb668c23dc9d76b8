/**
 * The one-page fast path. react-pdf lays a wrapping page out up to four times (once, again to
 * split it, again for the page it keeps, again for "Página X de Y"), which was most of the time of
 * a one-page invoice. So an invoice that may fit on one page is first rendered as ONE unbroken page
 * (`wrap={false}`, at least the paper's height, "Página 1 de 1" as plain text): laid out once. The
 * layout then says whether it fitted; when it did not (the content grew the page past the paper),
 * the invoice is rendered again the normal, paginating way. Both renders print the same page.
 */

/**
 * Above this many printed lines an invoice does not fit one page: skip the attempt (it would be a
 * wasted render). Measured on Letter with one-line descriptions: 15 lines fit with the chart and
 * payment row, about 7 more without it; A4 adds a few. A wrong guess costs time, never the page:
 * the layout decides.
 */
export function onePageLineLimit(format: { showConsumptionChart: boolean; showPaymentQr: boolean; showBarcode: boolean }): number {
  return format.showConsumptionChart || format.showPaymentQr || format.showBarcode ? 18 : 26;
}

type LaidOutPage = { box?: { height?: unknown }; style?: { height?: unknown } };

/**
 * Did an unbroken page fit the paper? `layout` is react-pdf's laid-out document (its onRender
 * hands it over): one page whose box grew taller than the paper (style.height) did not fit.
 * Anything unexpected (no layout, several pages, missing sizes) counts as "did not fit", so the
 * caller falls back to the paginating render.
 */
export function fitsOnePage(layout: unknown): boolean {
  const pages = (layout as { children?: unknown } | null | undefined)?.children;
  if (!Array.isArray(pages) || pages.length !== 1) return false;
  const { box, style } = (pages[0] ?? {}) as LaidOutPage;
  if (typeof box?.height !== 'number' || typeof style?.height !== 'number') return false;
  return box.height <= style.height + 0.01;
}

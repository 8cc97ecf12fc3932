package it.rivendo.catalog;

import java.util.List;

/**
 * One page of the catalog as a reseller sees it.
 *
 * @param rows the page's rows, priced for the reseller
 * @param total rows matching the filters, on all pages
 * @param page this page's index, from 0
 * @param pages how many pages there are (at least 1)
 */
public record OfferPage(List<PriceQuote> rows, int total, int page, int pages) {
}

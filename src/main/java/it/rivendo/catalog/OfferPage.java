package it.rivendo.catalog;

import java.util.List;

/**
 * One page of the catalog as a reseller sees it.
 *
 * @param products the page's products, each with its modes, priced for the reseller
 * @param total products matching the filters, on all pages
 * @param page this page's index, from 0
 * @param pages how many pages there are (at least 1)
 */
public record OfferPage(List<ProductOffer> products, int total, int page, int pages) {
}

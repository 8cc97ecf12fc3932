package it.rivendo.ordering;

import it.rivendo.catalog.PriceQuote;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Several orders a reseller pays at once from its credit (bulk issuance): one per billing
 * customer, each with its lines priced by the catalog's quote.
 *
 * @param token one per confirmation form: the same batch confirmed again finds the same
 * orders
 * @param placedBy the user who pays (its monthly limit applies), or null when no user of
 * the team does
 */
public record OrderBatch(long resellerId, String token, String actor, Long placedBy, List<Order> orders) {

	public record Order(BillingDetails billing, List<Item> items) {

		public VatBreakdown totals() {
			return OrderBatch.totals(items);
		}

	}

	/**
	 * A line: quantity units of a product in a mode at the quoted price; or, with a
	 * {@code renewal}, one unit renewing that service's term (an approved request's
	 * renewal line).
	 */
	public record Item(PriceQuote quote, int quantity, @Nullable RenewedTerm renewal) {

		public Item(PriceQuote quote, int quantity) {
			this(quote, quantity, null);
		}

		public Money net() {
			return quote.netPrice().times(quantity);
		}

	}

	/** What all the orders cost, VAT included. */
	public Money total() {
		return orders.stream().map(order -> order.totals().total()).reduce(Money.ZERO, Money::plus);
	}

	/** The checkout token of the batch's order at the given index. */
	String checkoutToken(int index) {
		return "batch:" + token + ":" + index;
	}

	static VatBreakdown totals(List<Item> items) {
		return VatBreakdown
			.of(items.stream().map(item -> new VatBreakdown.TaxableLine(item.net(), item.quote().vatRate())).toList());
	}

}

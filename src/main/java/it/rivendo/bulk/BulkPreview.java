package it.rivendo.bulk;

import it.rivendo.catalog.PriceQuote;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An uploaded file as the preview shows it: every row with its price at the reseller's
 * discount and the reason for every wrong cell, the totals per billing customer and in
 * all against the credit; once confirmed, what each row became.
 *
 * @param token what the confirmation form sends back, so that confirming twice makes one
 * set of orders
 * @param total what the rows without problems cost, VAT included
 */
public record BulkPreview(long id, String fileName, boolean confirmed, String token, Instant createdAt, List<Row> rows,
		List<Customer> customers, Money total, Money balance, long problemCount) {

	/**
	 * A row of the file.
	 *
	 * @param lineNo its row in the spreadsheet (the header is 1)
	 * @param problems message keys by field name ({@link BulkColumn#field()})
	 * @param quote the price of one unit, when product, mode and quantity are right
	 * @param customer the index of its billing customer in {@link #customers()}, or -1
	 * while the row has a problem
	 * @param result what the confirmation made of it
	 */
	public record Row(int lineNo, Map<BulkColumn, String> cells, Map<String, String> problems,
			@Nullable PriceQuote quote, int quantity, @Nullable Money net, int customer, @Nullable Result result) {

		public boolean valid() {
			return problems.isEmpty();
		}

		public @Nullable String problem(BulkColumn column) {
			return problems.get(column.field());
		}

	}

	/** A billing customer: one order at confirmation. */
	public record Customer(String name, String code, int rows, VatBreakdown totals) {
	}

	/** What the confirmation made of a row. */
	public record Result(String orderNumber, List<Long> serviceIds, boolean associated) {
	}

	public boolean covered() {
		return !balance.isLessThan(total);
	}

	public Money missing() {
		return covered() ? Money.ZERO : total.minus(balance);
	}

	public boolean confirmable() {
		return !confirmed && problemCount == 0 && covered() && !rows.isEmpty();
	}

	public int units() {
		return rows.stream().filter(Row::valid).mapToInt(Row::quantity).sum();
	}

}

package it.rivendo.cart;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ProductMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The cart priced as of now, with a flag on every line whose price changed since it was
 * added.
 */
public record CartView(List<Line> lines, VatBreakdown totals) {

	public static final CartView EMPTY = new CartView(List.of(), VatBreakdown.EMPTY);

	/**
	 * A line of the cart. A line whose product is no longer on sale is not
	 * {@code available}, and has no product code and no VAT rate. A line that renews a
	 * purchased service says which in {@code renewal} (null for a purchase).
	 */
	public record Line(long id, ProductMode item, @Nullable String productCode, LocalizedText productName,
			IdentificationMode mode, int quantity, Money unitListPrice, BigDecimal discountPercent, Money unitNetPrice,
			@Nullable BigDecimal vatRate, Money lineNet, Money previousUnitNetPrice, boolean priceChanged,
			boolean available, @Nullable Renewal renewal) {

		/** A line that buys new services. */
		public Line(long id, ProductMode item, @Nullable String productCode, LocalizedText productName,
				IdentificationMode mode, int quantity, Money unitListPrice, BigDecimal discountPercent,
				Money unitNetPrice, @Nullable BigDecimal vatRate, Money lineNet, Money previousUnitNetPrice,
				boolean priceChanged, boolean available) {
			this(id, item, productCode, productName, mode, quantity, unitListPrice, discountPercent, unitNetPrice,
					vatRate, lineNet, previousUnitNetPrice, priceChanged, available, null);
		}

		public boolean isRenewal() {
			return renewal != null;
		}

	}

	public boolean isEmpty() {
		return lines.isEmpty();
	}

	public int itemCount() {
		return lines.stream().mapToInt(Line::quantity).sum();
	}

	public boolean anyPriceChanged() {
		return lines.stream().anyMatch(Line::priceChanged);
	}

	public boolean anyUnavailable() {
		return lines.stream().anyMatch(line -> !line.available());
	}

	/** Lines that can be paid now. */
	public List<Line> payableLines() {
		return lines.stream().filter(Line::available).toList();
	}

	public boolean canCheckout() {
		return !isEmpty() && !anyUnavailable();
	}
}

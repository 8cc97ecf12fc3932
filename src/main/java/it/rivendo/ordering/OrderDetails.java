package it.rivendo.ordering;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order as its detail page, the completed page and the e-mail show it. */
public record OrderDetails(long id, String number, long resellerId, Instant createdAt, String status,
		BillingDetails billing, List<Line> lines, VatBreakdown totals) {

	/** A line; {@code renewal} is null unless it renewed a purchased service. */
	public record Line(int lineNo, String productCode, LocalizedText productName, IdentificationMode mode, int quantity,
			Money unitListPrice, BigDecimal discountPercent, Money unitNetPrice, BigDecimal vatRate, Money lineNet,
			@Nullable RenewedTerm renewal) {
	}

	public int itemCount() {
		return lines.stream().mapToInt(Line::quantity).sum();
	}
}

package it.rivendo.ordering;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reseller paid an order from its credit. Published inside the payment transaction:
 * listeners that write (services, the e-mail outbox) commit or roll back with the
 * payment.
 *
 * @param placedByUserId the user of the reseller's team who placed it; null when the shop
 * placed it (an automatic renewal) or the partner API did
 */
public record OrderPlaced(long orderId, String number, long resellerId, @Nullable Long placedByUserId, Instant placedAt,
		Money total, Money balanceAfter, List<Line> lines) {

	/**
	 * A line paid. {@code renewal} says which purchased service the line renews, and from
	 * which expiry; null for a purchase.
	 */
	public record Line(long orderLineId, long productId, String productCode, LocalizedText productName,
			IdentificationMode mode, int quantity, Money unitNetPrice, @Nullable RenewedTerm renewal) {

		/** A line that buys new services. */
		public Line(long orderLineId, long productId, String productCode, LocalizedText productName,
				IdentificationMode mode, int quantity, Money unitNetPrice) {
			this(orderLineId, productId, productCode, productName, mode, quantity, unitNetPrice, null);
		}

		public boolean isRenewal() {
			return renewal != null;
		}

		/** The purchased service the line renews, null for a purchase. */
		public @Nullable Long renewsServiceId() {
			return renewal == null ? null : renewal.serviceId();
		}

	}
}

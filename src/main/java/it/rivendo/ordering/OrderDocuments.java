package it.rivendo.ordering;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Documents another module keeps for an order (e.g. its invoice and credit note), listed
 * on the reseller's order page. Implemented outside this module, so that ordering does
 * not depend on who issues them.
 */
public interface OrderDocuments {

	/**
	 * A document to download: its kind as a message key, its number and where to get it;
	 * where it stands (e.g. with the SdI) as a message key and a colour (Bootstrap's
	 * success, danger, secondary), both null when it has no such status.
	 */
	record Link(String labelKey, String number, String url, String statusKey, String statusTone) {

		public Link(String labelKey, String number, String url) {
			this(labelKey, number, url, null, null);
		}

	}

	List<Link> forReseller(long resellerId, String orderNumber);

	/**
	 * A document of the order that was rejected and may be corrected (its billing data)
	 * and sent again until a given time.
	 *
	 * @param reasonKeys what was wrong, as message keys of sentences
	 * @param errorCodes the codes behind them
	 */
	record Rejection(String labelKey, String number, Instant correctableUntil, List<String> reasonKeys,
			List<String> errorCodes) {
	}

	/**
	 * A message key to show with the documents (e.g. that their sending is a simulation),
	 * or null.
	 */
	default String noticeKey() {
		return null;
	}

	/** The order's rejected document that may still be corrected, if any. */
	default Optional<Rejection> rejection(long resellerId, String orderNumber) {
		return Optional.empty();
	}

}

package it.rivendo.ordering;

import java.util.List;

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

}

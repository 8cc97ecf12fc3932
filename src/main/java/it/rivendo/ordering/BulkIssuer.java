package it.rivendo.ordering;

import it.rivendo.shared.Money;

/**
 * Issues a bulk order ("Ordine multiplo") an Operatore sent for approval, once a Titolare
 * approves it (issue 17). Implemented by the module that keeps the uploads, so that
 * ordering does not depend on it; called inside the approval's transaction, which holds
 * the request's row.
 */
public interface BulkIssuer {

	/**
	 * Issues the upload exactly as its confirmation by the Operatore would: one order per
	 * billing customer paid from the credit as the Operatore's (its monthly limit
	 * applies), the services with their end customers.
	 * @param expectedTotal what the request said it costs: today's prices must still make
	 * it
	 * @return the number of its first order
	 * @throws it.rivendo.shared.Refusal when it cannot be issued as it was sent
	 * (confirmed meanwhile, a product withdrawn, another total today, the credit or the
	 * limit): nothing is charged
	 */
	String issue(long resellerId, long uploadId, Money expectedTotal, String actor, long placedBy);

}

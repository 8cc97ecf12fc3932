package it.rivendo.bulk;

import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.shared.Money;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An Operatore's bulk order above the Titolare's approval threshold (issue 17) is not
 * paid: checked as a confirmation is, it becomes a request for approval
 * ({@link OrderApprovals#requestBulk}) and the upload is kept while the request waits.
 * The Titolare's approval issues it ({@link BulkOrders#issue}); confirmed directly
 * meanwhile, the request is superseded.
 */
@Service
@Transactional
public class BulkApprovals {

	private final BulkOrders bulk;

	private final OrderApprovals approvals;

	BulkApprovals(BulkOrders bulk, OrderApprovals approvals) {
		this.bulk = bulk;
		this.approvals = approvals;
	}

	/**
	 * Sends the previewed upload for approval; nothing is charged. Sent again (a double
	 * click, two at once: the upload is locked) it finds the same request while that one
	 * waits or once approved; after a rejection or expiry it is a new request.
	 * @return the request's id
	 * @throws it.rivendo.shared.Refusal as a confirmation would before paying
	 */
	public long send(ShopUser operator, long uploadId, String token, Money expectedTotal) {
		var standing = approvals.bulkRequested(operator.resellerId(), uploadId);
		if (standing.isPresent()) {
			return standing.get().id();
		}
		OrderApprovals.BulkOrder order = bulk.forApproval(operator.resellerId(), uploadId, token, expectedTotal);
		OrderApprovals.Requested requested = approvals.requestBulk(operator, order);
		bulk.holdForApproval(operator.resellerId(), uploadId, requested.expiresAt());
		return requested.id();
	}

	/**
	 * Confirms the upload directly, as {@link BulkOrders#confirm} (a Titolare, or an
	 * Operatore below the threshold): a request of it still waiting for approval is
	 * superseded, in the same transaction (a refused confirmation leaves it waiting). The
	 * request is locked before the upload, as an approval does.
	 */
	public BulkPreview confirm(ShopUser user, long uploadId, String token, Money expectedTotal) {
		approvals.bulkConfirmed(user.resellerId(), uploadId, user.email(), user.userId());
		return bulk.confirm(user.resellerId(), uploadId, token, expectedTotal, user.email(), user.userId());
	}

}

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
 * The Titolare's approval issues it ({@link BulkOrders#issue}).
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
	 * click, two at once: the upload is locked) it finds the same request.
	 * @return the request's id
	 * @throws it.rivendo.shared.Refusal as a confirmation would before paying
	 */
	public long send(ShopUser operator, long uploadId, String token, Money expectedTotal) {
		var earlier = approvals.bulkRequested(operator, token);
		if (earlier.isPresent()) {
			return earlier.get().id(); // whatever became of it since
		}
		OrderApprovals.BulkOrder order = bulk.forApproval(operator.resellerId(), uploadId, token, expectedTotal);
		OrderApprovals.Requested requested = approvals.requestBulk(operator, order);
		bulk.holdForApproval(operator.resellerId(), uploadId, requested.expiresAt());
		return requested.id();
	}

}

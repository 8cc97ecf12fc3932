package it.rivendo.support;

import it.rivendo.identity.ShopUser;
import it.rivendo.ordering.OrderApprovals;
import it.rivendo.shared.Refusal;
import java.util.List;

/**
 * The approval tests' race (issue 17): two Titolari pressing "Approva e paga" on one
 * request five times between them while the hourly expiry job runs, all at once.
 */
public final class ApprovalRace {

	private ApprovalRace() {
	}

	/**
	 * @return what each said: an order number, a refusal's message key, or
	 * {@code expired <n>} from the job
	 */
	public static List<String> run(OrderApprovals approvals, ShopUser first, ShopUser second, long requestId)
			throws Exception {
		return Race.run(6, i -> {
			try {
				return i == 5 ? "expired " + approvals.expire()
						: approvals.approve(i % 2 == 0 ? first : second, requestId);
			}
			catch (Refusal refused) {
				return refused.messageKey();
			}
		});
	}

	/** How many of the outcomes are order numbers: how many approvals paid. */
	public static long paid(List<String> outcomes) {
		return outcomes.stream().filter(outcome -> outcome.matches("\\d{4}-\\d{6}")).count();
	}

}

package it.rivendo.identity.web;

import it.rivendo.shared.Money;
import jakarta.validation.constraints.AssertTrue;

/**
 * The total above which an Operatore's order waits for a Titolare's approval (empty:
 * none; bound as {@link Money}, so what does not read comes back as typed).
 */
public class ApprovalThresholdForm {

	private Money approvalThreshold;

	@AssertTrue(message = "{team.approval.error}")
	public boolean isApprovalThresholdValid() {
		return approvalThreshold == null || approvalThreshold.amount().signum() >= 0;
	}

	public Money getApprovalThreshold() {
		return approvalThreshold;
	}

	public void setApprovalThreshold(Money approvalThreshold) {
		this.approvalThreshold = approvalThreshold;
	}

}

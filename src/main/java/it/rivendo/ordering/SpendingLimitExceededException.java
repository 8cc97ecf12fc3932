package it.rivendo.ordering;

import it.rivendo.shared.Refusal;

/**
 * The payment would take an Operatore past its monthly spending limit: nothing was
 * charged. The message says how much is left this month.
 */
public class SpendingLimitExceededException extends Refusal {

	private final MonthlyAllowance allowance;

	public SpendingLimitExceededException(MonthlyAllowance allowance) {
		super("checkout.limit.exceeded", allowance.remaining().amount());
		this.allowance = allowance;
	}

	public MonthlyAllowance allowance() {
		return allowance;
	}

}

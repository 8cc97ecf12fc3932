package it.rivendo.ordering;

import it.rivendo.shared.Money;

/**
 * An Operatore's monthly spending limit and what it has spent of it this calendar month
 * (Europe/Rome): its paid orders, cancelled ones left out (their amount went back to the
 * credit).
 */
public record MonthlyAllowance(Money limit, Money spent) {

	/** What the user may still spend this month, never below zero. */
	public Money remaining() {
		Money left = limit.minus(spent);
		return left.isNegative() ? Money.ZERO : left;
	}

	/** Whether an order of this amount stays within the limit. */
	public boolean covers(Money amount) {
		return !remaining().isLessThan(amount);
	}

}

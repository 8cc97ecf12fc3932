package it.rivendo.credit;

import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;

/**
 * The credit does not cover the amount: nothing was debited. A refusal like any other
 * (its message says how much is missing), with the balance and the amount asked for the
 * caller that says more.
 */
public class InsufficientCreditException extends Refusal {

	private final Money balance;

	private final Money required;

	public InsufficientCreditException(Money balance, Money required) {
		super("credit.insufficient", required.minus(balance).amount());
		this.balance = balance;
		this.required = required;
	}

	public Money balance() {
		return balance;
	}

	public Money required() {
		return required;
	}

	public Money missing() {
		return required.minus(balance);
	}

}

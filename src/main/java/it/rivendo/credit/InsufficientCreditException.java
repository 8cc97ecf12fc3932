package it.rivendo.credit;

import it.rivendo.shared.Money;

/** The credit does not cover the amount: nothing was debited. */
public class InsufficientCreditException extends RuntimeException {

	private final Money balance;

	private final Money required;

	public InsufficientCreditException(Money balance, Money required) {
		super("Credit " + balance + " does not cover " + required);
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

package it.rivendo.identity;

/**
 * What a reseller's user may do inside its account (issue 17). Every reseller user holds
 * {@code ROLE_RESELLER} and the authority of exactly one team role.
 */
public enum TeamRole {

	/** Titolare: everything, including top-ups, billing data, users and API keys. */
	OWNER,

	/** Operatore: browses, buys, associates and follows activations. */
	OPERATOR,

	/**
	 * Contabile: reads orders, invoices, receipts, the ledger and exports; buys nothing.
	 */
	ACCOUNTANT;

	/** The role's name in messages: team.role.OWNER "Titolare"... */
	public String messageKey() {
		return "team.role." + name();
	}

	public String authority() {
		return "ROLE_" + name();
	}

	/** Whether the role may spend the account's credit (cart, checkout, renewals). */
	public boolean canBuy() {
		return this != ACCOUNTANT;
	}

}

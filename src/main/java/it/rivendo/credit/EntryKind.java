package it.rivendo.credit;

/** Why the credit moved. */
public enum EntryKind {

	TOPUP, PURCHASE, REFUND, ADJUSTMENT;

	public String messageKey() {
		return "credit.kind." + name();
	}

}

package it.rivendo.ordering;

/** Who the invoice is made out to: a company (or sole trader) or a private person. */
public enum CustomerType {

	COMPANY, PERSON

}

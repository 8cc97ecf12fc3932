package it.rivendo.ordering;

/**
 * Who the invoice is made out to: a company (or sole trader), a private person, or a
 * public administration (FatturaPA FPA12, its office code, split payment).
 */
public enum CustomerType {

	COMPANY, PERSON, PUBLIC

}

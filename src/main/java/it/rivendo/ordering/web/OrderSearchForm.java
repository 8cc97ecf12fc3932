package it.rivendo.ordering.web;

import it.rivendo.shared.web.DayRangeForm;

/**
 * The staff's order search: part of the number, part of the reseller's name or e-mail, a
 * period of days, a status. Every criterion is optional. A day that is not a date stays
 * empty (the search runs without it) and its message shows next to the field, with what
 * was typed.
 */
public class OrderSearchForm extends DayRangeForm {

	private String number;

	private String reseller;

	private String status;

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public String getReseller() {
		return reseller;
	}

	public void setReseller(String reseller) {
		this.reseller = reseller;
	}

	public String getStatus() {
		return status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

}

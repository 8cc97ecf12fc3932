package it.rivendo.ordering.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The staff's order search: part of the number, part of the reseller's name or e-mail, a period of days, a status.
 * Every criterion is optional. A date that is not one stays empty (the search runs without it) and its message
 * shows next to the field, with what was typed.
 */
public class OrderSearchForm {

	private String number;

	private String reseller;

	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate to;

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

	public LocalDate getFrom() {
		return from;
	}

	public void setFrom(LocalDate from) {
		this.from = from;
	}

	public LocalDate getTo() {
		return to;
	}

	public void setTo(LocalDate to) {
		this.to = to;
	}

	public String getStatus() {
		return status;
	}

	public void setStatus(String status) {
		this.status = status;
	}
}

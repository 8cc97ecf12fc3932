package it.rivendo.shared.web;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The "from day … to day" of a filter form, bound from {@code yyyy-MM-dd} (what a date
 * input sends); a day that is not a date is a binding error next to its field, with what
 * was typed kept, and stays null. Filter forms extend it.
 */
public class DayRangeForm {

	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate from;

	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate to;

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

}

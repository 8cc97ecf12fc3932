package it.rivendo.invoicing.web;

import it.rivendo.invoicing.SdiStatus;
import it.rivendo.shared.web.DayRangeForm;
import java.time.LocalDate;

/**
 * The documents page's date range and SdI status (all when none). A day left empty (or
 * not a date) is this month's first day for "from" and today for "to"; a range typed
 * backwards is turned round.
 */
public class DocumentsFilterForm extends DayRangeForm {

	private SdiStatus status;

	public SdiStatus getStatus() {
		return status;
	}

	public void setStatus(SdiStatus status) {
		this.status = status;
	}

	/**
	 * Fills the empty days with the defaults and orders the two: the range the page
	 * shows.
	 */
	void completeFor(LocalDate today) {
		LocalDate start = getFrom() == null ? today.withDayOfMonth(1) : getFrom();
		LocalDate end = getTo() == null ? today : getTo();
		setFrom(end.isBefore(start) ? end : start);
		setTo(end.isBefore(start) ? start : end);
	}

}

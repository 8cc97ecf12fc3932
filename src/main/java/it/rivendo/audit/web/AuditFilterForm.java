package it.rivendo.audit.web;

import it.rivendo.shared.web.DayRangeForm;

/**
 * The audit page's filter: who, which action, from and to which day (Italian time); each
 * may be empty.
 */
public class AuditFilterForm extends DayRangeForm {

	private String actor = "";

	private String action = "";

	public String getActor() {
		return actor;
	}

	public void setActor(String actor) {
		this.actor = actor == null ? "" : actor;
	}

	public String getAction() {
		return action;
	}

	public void setAction(String action) {
		this.action = action == null ? "" : action;
	}

}

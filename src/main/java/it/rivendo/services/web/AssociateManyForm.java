package it.rivendo.services.web;

import jakarta.validation.constraints.AssertTrue;
import java.util.ArrayList;
import java.util.List;

/**
 * "Associa più servizi": the services ticked and the e-mail addresses pasted, one per
 * line, in the same order.
 */
public class AssociateManyForm {

	private List<Long> serviceIds = new ArrayList<>();

	private String emails = "";

	@AssertTrue(message = "{associate.confirm.required}")
	private boolean confirmed;

	/** The pasted addresses: one per non-blank line, stripped. */
	List<String> emailLines() {
		return emails == null ? List.of() : emails.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

	public List<Long> getServiceIds() {
		return serviceIds;
	}

	public void setServiceIds(List<Long> serviceIds) {
		this.serviceIds = serviceIds == null ? new ArrayList<>() : serviceIds;
	}

	public String getEmails() {
		return emails;
	}

	public void setEmails(String emails) {
		this.emails = emails;
	}

	public boolean isConfirmed() {
		return confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

}

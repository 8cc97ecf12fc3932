package it.rivendo.credit.web;

import it.rivendo.shared.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * Staff confirm a bank transfer: what arrived (bound as {@link Money}), the day it
 * arrived and the bank's reference. Anything but an amount or a date comes back next to
 * its field, as typed.
 */
public class ConfirmTransferForm {

	@NotNull(message = "{validation.required}")
	private Money received;

	@NotNull(message = "{validation.required}")
	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate receivedOn;

	@Size(max = 100, message = "{validation.tooLong}")
	private String bankReference;

	public Money getReceived() {
		return received;
	}

	public void setReceived(Money received) {
		this.received = received;
	}

	public LocalDate getReceivedOn() {
		return receivedOn;
	}

	public void setReceivedOn(LocalDate receivedOn) {
		this.receivedOn = receivedOn;
	}

	public String getBankReference() {
		return bankReference;
	}

	public void setBankReference(String bankReference) {
		this.bankReference = bankReference;
	}

}

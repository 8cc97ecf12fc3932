package it.rivendo.services.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * Staff suspend an active service until a day (the service resumes at its start), with a
 * reason.
 */
public class SuspendForm {

	@NotNull(message = "{admin.service.untilInvalid}")
	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate until;

	@NotBlank(message = "{service.error.reasonRequired}")
	@Size(max = 300, message = "{admin.identity.reason.tooLong}")
	private String reason;

	public LocalDate getUntil() {
		return until;
	}

	public void setUntil(LocalDate until) {
		this.until = until;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

}

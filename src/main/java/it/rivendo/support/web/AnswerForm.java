package it.rivendo.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Staff's answer to a support request. */
public class AnswerForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 5000, message = "{validation.tooLong}")
	private String body;

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

}

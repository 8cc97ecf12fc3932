package it.rivendo.webhooks.web;

import it.rivendo.webhooks.WebhookEventType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashSet;
import java.util.Set;

/** A new webhook endpoint: where to post and which events. */
public class EndpointForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 2000, message = "{validation.tooLong}")
	private String url;

	@NotEmpty(message = "{webhooks.events.hint}")
	private Set<WebhookEventType> events = new LinkedHashSet<>();

	public String getUrl() {
		return url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public Set<WebhookEventType> getEvents() {
		return events;
	}

	public void setEvents(Set<WebhookEventType> events) {
		this.events = events;
	}

}

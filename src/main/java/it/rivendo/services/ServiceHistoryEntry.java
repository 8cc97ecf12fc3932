package it.rivendo.services;

import java.time.Instant;

/** One line of a service's history. */
public record ServiceHistoryEntry(String kind, String detail, String actor, Instant at) {

	public String messageKey() {
		return "service.event." + kind;
	}
}

package it.rivendo.bulk.internal;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Arrays;
import java.util.List;

/** What the confirmation made of a row: its order and its services. */
@Embeddable
public class BulkResult {

	public enum Status {

		/** Paid; the services wait to be associated. */
		PAID,
		/** Paid, and the service associated: the activation link went out. */
		ASSOCIATED

	}

	private String orderNumber;

	private String serviceIds;

	@Enumerated(EnumType.STRING)
	private Status status;

	protected BulkResult() {
	}

	public BulkResult(String orderNumber, List<Long> serviceIds, Status status) {
		this.orderNumber = orderNumber;
		this.serviceIds = String.join(" ", serviceIds.stream().map(String::valueOf).toList());
		this.status = status;
	}

	public String orderNumber() {
		return orderNumber;
	}

	public List<Long> serviceIds() {
		return serviceIds.isEmpty() ? List.of() : Arrays.stream(serviceIds.split(" ")).map(Long::valueOf).toList();
	}

	public Status status() {
		return status;
	}

}

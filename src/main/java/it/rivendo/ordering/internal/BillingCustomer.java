package it.rivendo.ordering.internal;

import it.rivendo.ordering.BillingDetails;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An end customer in a reseller's address book, to bill again without typing. */
@Entity
@Table(name = "billing_customer")
public class BillingCustomer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	@Embedded
	private BillingDetails details;

	private Instant createdAt;

	protected BillingCustomer() {
	}

	public BillingCustomer(long resellerId, BillingDetails details, Instant now) {
		this.resellerId = resellerId;
		this.details = details;
		this.createdAt = now;
	}

	public Long id() {
		return id;
	}

	public BillingDetails details() {
		return details;
	}

}

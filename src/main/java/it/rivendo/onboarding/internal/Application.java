package it.rivendo.onboarding.internal;

import it.rivendo.identity.BillingAddress;
import it.rivendo.onboarding.ApplicationStatus;
import it.rivendo.shared.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/**
 * A company's application to become a reseller: pending until staff approve it (its
 * account is opened) or reject it with a reason; either decision is final.
 */
@Entity
@Table(name = "reseller_application")
public class Application {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ApplicationStatus status;

	private String companyName;

	private String vatNumber;

	private String taxCode;

	private String street;

	private String postalCode;

	private String city;

	private String province;

	private String country;

	private String sdiCode;

	private String pec;

	private String contactName;

	private String email;

	private String phone;

	private Instant termsAcceptedAt;

	private Instant createdAt;

	private Instant decidedAt;

	private String decidedBy;

	private String reason;

	private Long resellerId;

	@Version
	private int version;

	protected Application() {
	}

	/**
	 * Made with the terms accepted now; the e-mail is kept in lower case, as account
	 * addresses are.
	 */
	public Application(BillingAddress billing, String contactName, String email, String phone, Instant now) {
		this.status = ApplicationStatus.PENDING;
		this.companyName = billing.companyName();
		this.vatNumber = billing.vatNumber();
		// a company without its own codice fiscale uses its Partita IVA as one
		this.taxCode = billing.taxCode() == null || billing.taxCode().isBlank() ? billing.vatNumber()
				: billing.taxCode();
		this.street = billing.street();
		this.postalCode = billing.postalCode();
		this.city = billing.city();
		this.province = billing.province();
		this.country = billing.country();
		this.sdiCode = billing.sdiCode();
		this.pec = billing.pec();
		this.contactName = contactName.strip();
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.phone = phone.strip();
		this.termsAcceptedAt = now;
		this.createdAt = now;
	}

	/** Refuses an application that was decided already: a decision is final. */
	public void requirePending() {
		if (status != ApplicationStatus.PENDING) {
			throw new Refusal("apply.error.decided");
		}
	}

	/** Approved by staff, who opened the reseller's account for it. */
	public void approve(long resellerId, String decidedBy, Instant now) {
		requirePending();
		this.status = ApplicationStatus.APPROVED;
		this.resellerId = resellerId;
		this.decidedBy = decidedBy;
		this.decidedAt = now;
	}

	/** Rejected by staff, with the reason the applicant is told. */
	public void reject(String reason, String decidedBy, Instant now) {
		if (reason == null || reason.isBlank()) {
			throw new Refusal("apply.error.reason");
		}
		requirePending();
		this.status = ApplicationStatus.REJECTED;
		this.reason = reason.strip();
		this.decidedBy = decidedBy;
		this.decidedAt = now;
	}

	public Long id() {
		return id;
	}

	public ApplicationStatus status() {
		return status;
	}

	public BillingAddress billing() {
		return new BillingAddress(companyName, vatNumber, taxCode, street, postalCode, city, province, country, sdiCode,
				pec);
	}

	public String contactName() {
		return contactName;
	}

	public String email() {
		return email;
	}

	public String phone() {
		return phone;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant decidedAt() {
		return decidedAt;
	}

	public String decidedBy() {
		return decidedBy;
	}

	public String reason() {
		return reason;
	}

	public Long resellerId() {
		return resellerId;
	}

}

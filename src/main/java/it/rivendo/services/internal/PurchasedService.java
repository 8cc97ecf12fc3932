package it.rivendo.services.internal;

import it.rivendo.cart.Renewal;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.services.EndCustomer;
import it.rivendo.services.RenewalWindow;
import it.rivendo.shared.Refusal;
import it.rivendo.services.ServiceStatus;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;

/**
 * One unit bought: the service a reseller hands on to one end customer. Da associare →
 * Associato (in attesa di attivazione) → Attivo, through In verifica when staff check the
 * identification by hand; Non attivato in tempo when the activation deadline passes
 * first; once active, valid for the term it was sold with, then Scaduto; Sospeso for a
 * while; Annullato for good.
 */
@Entity
@Table(name = "purchased_service")
public class PurchasedService {

	private static final EnumSet<ServiceStatus> NOT_YET_ACTIVE = EnumSet.of(ServiceStatus.NOT_ASSOCIATED,
			ServiceStatus.ASSOCIATED);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long resellerId;

	/**
	 * The user of the reseller's team who bought it (its order's); null: before teams,
	 * the API.
	 */
	private Long placedByUserId;

	private long orderId;

	private String orderNumber;

	private long orderLineId;

	private long productId;

	private String productCode;

	private String productName;

	private String productNameEn;

	@Enumerated(EnumType.STRING)
	private IdentificationMode mode;

	private Money pricePaid;

	@Enumerated(EnumType.STRING)
	private ServiceStatus status;

	private String customerEmail;

	private String customerName;

	private String customerFirstName;

	private String customerLastName;

	private String customerTaxCode;

	private String customerMobile;

	private String customerPecAddress;

	private Instant purchasedAt;

	private Instant activationDeadline;

	private Instant associatedAt;

	private Instant activationStartedAt;

	private Instant activatedAt;

	private Integer termMonths;

	private int renewalOpensDays;

	private int renewalGraceDays;

	private Instant validUntil;

	private Instant suspendedUntil;

	private String statusReason;

	private Instant reminderSentAt;

	private boolean autoRenew;

	private Instant updatedAt;

	@Version
	private int version;

	protected PurchasedService() {
	}

	public PurchasedService(long resellerId, Long placedByUserId, long orderId, String orderNumber, long orderLineId,
			long productId, String productCode, LocalizedText productName, IdentificationMode mode, Money pricePaid,
			Instant purchasedAt, Instant activationDeadline, ServiceTerm term) {
		this.resellerId = resellerId;
		this.placedByUserId = placedByUserId;
		this.orderId = orderId;
		this.orderNumber = orderNumber;
		this.orderLineId = orderLineId;
		this.productId = productId;
		this.productCode = productCode;
		this.productName = productName.it();
		this.productNameEn = productName.en();
		this.mode = mode;
		this.pricePaid = pricePaid;
		this.purchasedAt = purchasedAt;
		this.activationDeadline = activationDeadline;
		this.termMonths = term.months();
		this.renewalOpensDays = term.renewalOpensDays();
		this.renewalGraceDays = term.renewalGraceDays();
		this.status = ServiceStatus.NOT_ASSOCIATED;
		this.updatedAt = purchasedAt;
	}

	/**
	 * Links the service to an end customer's e-mail, or moves it to another one while
	 * activation has not started.
	 */
	public void associateTo(String email, String name, Instant now) {
		if (!(status == ServiceStatus.NOT_ASSOCIATED || canChangeAssociation())) {
			throw new Refusal("service.error.notAssociable");
		}
		requireBeforeDeadline(now);
		this.customerEmail = email.strip().toLowerCase(Locale.ROOT);
		this.customerName = name == null || name.isBlank() ? null : name.strip();
		this.status = ServiceStatus.ASSOCIATED;
		this.associatedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Whether the reseller may still re-send the link or change the e-mail: associated,
	 * activation not started.
	 */
	public boolean canChangeAssociation() {
		return status == ServiceStatus.ASSOCIATED && activationStartedAt == null;
	}

	/**
	 * The end customer confirmed their data and goes to identification: the e-mail can no
	 * longer change.
	 */
	public void startActivation(EndCustomer customer, Instant now) {
		if (status != ServiceStatus.ASSOCIATED) {
			throw new Refusal("activation.error.notActivatable");
		}
		requireBeforeDeadline(now);
		this.customerFirstName = customer.firstName();
		this.customerLastName = customer.lastName();
		this.customerTaxCode = customer.taxCode();
		this.customerMobile = customer.mobile();
		this.customerPecAddress = customer.pecAddress();
		this.customerName = customer.firstName() + " " + customer.lastName();
		this.activationStartedAt = now;
		this.updatedAt = now;
	}

	/**
	 * The end customer's data wait for staff to confirm the identification (there is no
	 * identification provider).
	 */
	public void awaitIdentityCheck(Instant now) {
		if (status != ServiceStatus.ASSOCIATED || activationStartedAt == null) {
			throw new Refusal("activation.error.notActivatable");
		}
		this.status = ServiceStatus.IN_VERIFICATION;
		this.updatedAt = now;
	}

	/**
	 * Identification succeeded: reported by the provider, or confirmed by staff. A
	 * service with a term is valid from now until the same day and time
	 * {@code termMonths} later, in the shop's time zone.
	 */
	public void activate(Instant now) {
		boolean identifying = status == ServiceStatus.ASSOCIATED && activationStartedAt != null;
		if (!(identifying || status == ServiceStatus.IN_VERIFICATION)) {
			throw new Refusal("activation.error.notActivatable");
		}
		this.status = ServiceStatus.ACTIVE;
		this.activatedAt = now;
		this.validUntil = termMonths == null ? null : now.atZone(Formats.SHOP_ZONE).plusMonths(termMonths).toInstant();
		this.statusReason = null;
		this.updatedAt = now;
	}

	/**
	 * Staff could not confirm the identification: the service is associated again, as
	 * before the end customer started, so that the reseller can re-send the link (or
	 * change the e-mail) and the customer try again.
	 */
	public void refuseIdentification(String reason, Instant now) {
		if (status != ServiceStatus.IN_VERIFICATION) {
			throw new Refusal("service.error.notInVerification");
		}
		this.status = ServiceStatus.ASSOCIATED;
		this.activationStartedAt = null;
		this.statusReason = reason;
		this.updatedAt = now;
	}

	/** Not activated by the deadline. */
	public boolean expireIfLate(Instant now) {
		if (NOT_YET_ACTIVE.contains(status) && activationDeadline.isBefore(now)) {
			this.status = ServiceStatus.ACTIVATION_EXPIRED;
			this.updatedAt = now;
			return true;
		}
		return false;
	}

	/**
	 * An active service whose term is over. A suspended one ends when its suspension does
	 * and the next run finds it active.
	 */
	public boolean endTermIfDue(Instant now) {
		if (status == ServiceStatus.ACTIVE && validUntil != null && !validUntil.isAfter(now)) {
			this.status = ServiceStatus.TERM_ENDED;
			this.updatedAt = now;
			return true;
		}
		return false;
	}

	/**
	 * Whether it can be renewed now: it has a date, it is running or its term ended, and
	 * now is inside its renewal window (from {@code renewalOpensDays} before the date to
	 * {@code renewalGraceDays} after it).
	 */
	public boolean renewalOpen(Instant now) {
		return renewalRefusal(now) == null;
	}

	/**
	 * Another term, counted from the current date, not from today: renewing early loses
	 * no day, renewing in the grace period gains none. A service whose term had ended is
	 * active again, for the same end customer, without a new identification.
	 * @throws Refusal when {@link #renewalOpen} is not
	 */
	public void renew(Instant now) {
		requireRenewalOpen(now);
		this.validUntil = renewedUntil();
		if (status == ServiceStatus.TERM_ENDED) {
			this.status = ServiceStatus.ACTIVE;
		}
		this.updatedAt = now;
	}

	/**
	 * Refuses when {@link #renewalOpen} is not, saying why.
	 * @throws Refusal outside the window, or when it cannot be renewed at all
	 */
	public void requireRenewalOpen(Instant now) {
		String refusal = renewalRefusal(now);
		if (refusal != null) {
			throw new Refusal(refusal);
		}
	}

	/**
	 * Renews the term that ends on {@code expected}, and only that one: a renewal priced
	 * for one expiry must not extend the next term as well (a manual renewal paid after
	 * the automatic one, or the other way round).
	 * @throws Refusal {@code service.error.alreadyRenewed} when the service no longer
	 * expires on {@code expected}, or as {@link #renew}
	 */
	public void renewTerm(Instant expected, Instant now) {
		if (validUntil == null || !validUntil.equals(expected)) {
			throw new Refusal("service.error.alreadyRenewed");
		}
		renew(now);
	}

	/**
	 * The renewal from {@code from} to {@code to} was cancelled with its order and
	 * refunded: it expires on {@code from} again, and if that date has passed its term is
	 * over, as {@link #endTermIfDue} would have said.
	 * @return whether its term ended because of it
	 * @throws Refusal {@code service.error.renewalNotUndoable} when it no longer expires
	 * on {@code to}
	 */
	public boolean undoRenewal(Instant from, Instant to, Instant now) {
		if (validUntil == null
				|| !validUntil.truncatedTo(ChronoUnit.MICROS).equals(to.truncatedTo(ChronoUnit.MICROS))) {
			throw new Refusal("service.error.renewalNotUndoable", String.valueOf(id));
		}
		this.validUntil = from;
		this.updatedAt = now;
		return endTermIfDue(now);
	}

	/**
	 * What renewing it now renews, for the cart: from its expiry to one term later, for
	 * its end customer.
	 */
	public Renewal nextRenewal() {
		return new Renewal(id, customerEmail, validUntil, renewedUntil());
	}

	/** The expiry one more term would give it. */
	public Instant renewedUntil() {
		if (termMonths == null || validUntil == null) {
			throw new Refusal("service.error.notRenewable");
		}
		return validUntil.atZone(Formats.SHOP_ZONE).plusMonths(termMonths).toInstant();
	}

	/**
	 * The first and last instant it can be renewed in, whatever the date today; null when
	 * its state or lack of a term rules a renewal out.
	 */
	public RenewalWindow renewalWindow() {
		boolean renewable = status == ServiceStatus.ACTIVE || status == ServiceStatus.SUSPENDED
				|| status == ServiceStatus.TERM_ENDED;
		if (!renewable || termMonths == null || validUntil == null) {
			return null;
		}
		return new RenewalWindow(validUntil.minus(Duration.ofDays(renewalOpensDays)),
				validUntil.plus(Duration.ofDays(renewalGraceDays)));
	}

	private String renewalRefusal(Instant now) {
		RenewalWindow window = renewalWindow();
		if (window == null) {
			return "service.error.notRenewable";
		}
		if (now.isBefore(window.opens())) {
			return "service.error.renewalNotOpen";
		}
		if (now.isAfter(window.closes())) {
			return "service.error.renewalClosed";
		}
		return null;
	}

	public void suspend(Instant until, String reason, Instant now) {
		if (status != ServiceStatus.ACTIVE) {
			throw new Refusal("service.error.notSuspendable");
		}
		if (!until.isAfter(now)) {
			throw new Refusal("service.error.suspendPast");
		}
		this.status = ServiceStatus.SUSPENDED;
		this.suspendedUntil = until;
		this.statusReason = reason;
		this.updatedAt = now;
	}

	/** A suspension whose end date has passed. */
	public boolean resumeIfDue(Instant now) {
		if (status == ServiceStatus.SUSPENDED && suspendedUntil != null && !suspendedUntil.isAfter(now)) {
			this.status = ServiceStatus.ACTIVE;
			this.suspendedUntil = null;
			this.updatedAt = now;
			return true;
		}
		return false;
	}

	/** Irreversible. */
	public void revoke(String reason, Instant now) {
		if (status == ServiceStatus.CANCELLED) {
			throw new Refusal("service.error.alreadyRevoked");
		}
		this.status = ServiceStatus.CANCELLED;
		this.statusReason = reason;
		this.suspendedUntil = null;
		this.updatedAt = now;
	}

	/**
	 * Its order was cancelled and refunded: the service ends whatever its state, for
	 * good.
	 * @return false when it was already annulled, and nothing changed
	 */
	public boolean annulForCancelledOrder(String reason, Instant now) {
		if (status == ServiceStatus.CANCELLED) {
			return false;
		}
		this.status = ServiceStatus.CANCELLED;
		this.statusReason = reason;
		this.suspendedUntil = null;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Turns "Rinnovo automatico" on or off.
	 * @return whether it changed
	 * @throws Refusal when turning it on for a service that cannot be renewed (no term,
	 * not running)
	 */
	public boolean autoRenew(boolean on, Instant now) {
		if (on == autoRenew) {
			return false;
		}
		boolean running = status == ServiceStatus.ACTIVE || status == ServiceStatus.SUSPENDED;
		if (on && (!running || termMonths == null || validUntil == null)) {
			throw new Refusal("service.error.autoRenewNotPossible");
		}
		this.autoRenew = on;
		this.updatedAt = now;
		return true;
	}

	public boolean autoRenew() {
		return autoRenew;
	}

	public void reminded(Instant now) {
		this.reminderSentAt = now;
	}

	private void requireBeforeDeadline(Instant now) {
		if (activationDeadline.isBefore(now)) {
			throw new Refusal("service.error.deadlinePassed");
		}
	}

	public Long id() {
		return id;
	}

	public long resellerId() {
		return resellerId;
	}

	public Long placedByUserId() {
		return placedByUserId;
	}

	public String orderNumber() {
		return orderNumber;
	}

	public long productId() {
		return productId;
	}

	public String productCode() {
		return productCode;
	}

	public LocalizedText productName() {
		return new LocalizedText(productName, productNameEn);
	}

	public IdentificationMode mode() {
		return mode;
	}

	public Money pricePaid() {
		return pricePaid;
	}

	public ServiceStatus status() {
		return status;
	}

	public String customerEmail() {
		return customerEmail;
	}

	public String customerName() {
		return customerName;
	}

	public String customerTaxCode() {
		return customerTaxCode;
	}

	public String customerFirstName() {
		return customerFirstName;
	}

	public String customerLastName() {
		return customerLastName;
	}

	public String customerMobile() {
		return customerMobile;
	}

	/** The PEC address the end customer chose for a PEC mailbox, or null. */
	public String customerPecAddress() {
		return customerPecAddress;
	}

	public Instant purchasedAt() {
		return purchasedAt;
	}

	public Instant activationDeadline() {
		return activationDeadline;
	}

	public Instant activatedAt() {
		return activatedAt;
	}

	/** The term and renewal window it was sold with. */
	public ServiceTerm term() {
		return new ServiceTerm(termMonths, renewalOpensDays, renewalGraceDays);
	}

	/** Null until activated, and for a service without a term. */
	public Instant validUntil() {
		return validUntil;
	}

	public Instant activationStartedAt() {
		return activationStartedAt;
	}

	public Instant suspendedUntil() {
		return suspendedUntil;
	}

	public String statusReason() {
		return statusReason;
	}

}

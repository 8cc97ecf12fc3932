package it.rivendo.credit.internal;

import it.rivendo.credit.LedgerEntry;
import it.rivendo.credit.PaymentMethod;
import it.rivendo.credit.TopUpStatus;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A top-up of a reseller's prepaid credit: requested (by bank transfer or card), then
 * completed once, crediting the ledger, or cancelled by staff. Only a pending top-up
 * changes; completing one and the ledger entry it credits are one step
 * ({@link #completeCardPayment}, {@link #confirmTransfer}), so a completed top-up always
 * names its entry (as the table's CHECK requires). Loaded with a lock
 * ({@link TopUpRepository#lockById}) by whoever changes it, so that concurrent
 * confirmations or callbacks find it done and credit nothing.
 */
@Entity
@Table(name = "top_up")
public class TopUp {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String reference;

	private long resellerId;

	private Money amount;

	@Enumerated(EnumType.STRING)
	private PaymentMethod method;

	@Enumerated(EnumType.STRING)
	private TopUpStatus status;

	private String providerReference;

	private Instant createdAt;

	private String createdBy;

	/** The user of the reseller's team who asked for it (issue 17); null before teams. */
	private Long createdByUserId;

	private Instant completedAt;

	private String confirmedBy;

	private Money receivedAmount;

	private LocalDate receivedOn;

	private String bankReference;

	private Long ledgerEntryId;

	protected TopUp() {
	}

	/**
	 * A new pending top-up.
	 * @param providerReference the card payment's reference at the provider, null for a
	 * bank transfer
	 */
	public TopUp(String reference, long resellerId, Money amount, PaymentMethod method, String providerReference,
			String requestedBy, Instant now) {
		this(reference, resellerId, amount, method, providerReference, requestedBy, null, now);
	}

	/**
	 * A new pending top-up asked for by a user of the reseller's team.
	 * @param requestedByUserId the user, or null when none is known
	 */
	public TopUp(String reference, long resellerId, Money amount, PaymentMethod method, String providerReference,
			String requestedBy, Long requestedByUserId, Instant now) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("A top-up adds credit: " + amount);
		}
		if ((method == PaymentMethod.CARD) != (providerReference != null)) {
			throw new IllegalArgumentException("A card top-up, and only a card top-up, has a provider reference");
		}
		this.reference = reference;
		this.resellerId = resellerId;
		this.amount = amount;
		this.method = method;
		this.providerReference = providerReference;
		this.status = TopUpStatus.PENDING;
		this.createdAt = now;
		this.createdBy = requestedBy;
		this.createdByUserId = requestedByUserId;
	}

	/** The user of the team who asked for it, or null. */
	public Long requestedByUserId() {
		return createdByUserId;
	}

	/**
	 * How the ledger is credited: the entry for this amount, with this reference, made by
	 * this actor.
	 */
	@FunctionalInterface
	public interface Crediting {

		LedgerEntry credit(long resellerId, Money amount, String reference, String actor);

	}

	/**
	 * The provider says the card payment went through: the amount requested is credited.
	 */
	public LedgerEntry completeCardPayment(String provider, Instant now, Crediting ledger) {
		requirePending();
		if (method != PaymentMethod.CARD) {
			throw new IllegalStateException("Only a card top-up is paid at the provider: " + reference);
		}
		return complete(amount, null, null, "provider:" + provider, now, ledger);
	}

	/**
	 * Staff saw the bank transfer arrive: what arrived is credited, which may differ from
	 * what was requested.
	 */
	public LedgerEntry confirmTransfer(Money received, LocalDate receivedOn, String bankReference, String staff,
			Instant now, Crediting ledger) {
		requirePending();
		if (!received.isPositive()) {
			throw new Refusal("topup.error.received");
		}
		return complete(received, receivedOn, bankReference, staff, now, ledger);
	}

	/**
	 * Staff cancel a top-up that will not be paid, with a reason; nothing is credited.
	 */
	public void cancel(String reason, String staff) {
		if (reason == null || reason.isBlank()) {
			throw new Refusal("topup.error.reason");
		}
		requirePending();
		this.status = TopUpStatus.CANCELLED;
		this.confirmedBy = staff;
	}

	/** Completed or cancelled already: nothing changes any more. */
	public void requirePending() {
		if (!isPending()) {
			throw new Refusal("topup.alreadyDone");
		}
	}

	public boolean isPending() {
		return status == TopUpStatus.PENDING;
	}

	private LedgerEntry complete(Money credited, LocalDate receivedOn, String bankReference, String actor, Instant now,
			Crediting ledger) {
		LedgerEntry entry = ledger.credit(resellerId, credited, reference, actor);
		this.status = TopUpStatus.COMPLETED;
		this.completedAt = now;
		this.confirmedBy = actor;
		this.receivedAmount = credited;
		this.receivedOn = receivedOn;
		this.bankReference = bankReference == null || bankReference.isBlank() ? null : bankReference.strip();
		this.ledgerEntryId = entry.id();
		return entry;
	}

	public Long id() {
		return id;
	}

	public String reference() {
		return reference;
	}

	public long resellerId() {
		return resellerId;
	}

	public Money amount() {
		return amount;
	}

	public PaymentMethod method() {
		return method;
	}

	public TopUpStatus status() {
		return status;
	}

	public String providerReference() {
		return providerReference;
	}

	public Money receivedAmount() {
		return receivedAmount;
	}

	public LocalDate receivedOn() {
		return receivedOn;
	}

	public String bankReference() {
		return bankReference;
	}

	public String confirmedBy() {
		return confirmedBy;
	}

	public Instant completedAt() {
		return completedAt;
	}

	public Long ledgerEntryId() {
		return ledgerEntryId;
	}

}

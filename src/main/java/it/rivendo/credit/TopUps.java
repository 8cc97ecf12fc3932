package it.rivendo.credit;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.credit.internal.TopUp;
import it.rivendo.credit.internal.TopUpMails;
import it.rivendo.credit.internal.TopUpProperties;
import it.rivendo.credit.internal.TopUpRepository;
import it.rivendo.credit.internal.TopUpRows;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topping up the prepaid credit. A top-up is requested (by bank transfer or card), then
 * completed exactly once: the {@link TopUp} is loaded with a lock, and while still
 * pending it credits the ledger and is marked done in the same transaction; a second
 * confirmation or a provider callback arriving twice finds it done and changes nothing.
 */
@Service
@Transactional
public class TopUps {

	private final TopUpRepository topUps;

	private final TopUpRows rows;

	private final CreditLedger ledger;

	private final Optional<PaymentProvider> provider;

	private final TopUpMails mails;

	private final AuditTrail audit;

	private final TopUpProperties settings;

	private final Clock clock;

	TopUps(TopUpRepository topUps, TopUpRows rows, CreditLedger ledger, Optional<PaymentProvider> provider,
			TopUpMails mails, AuditTrail audit, TopUpProperties settings, Clock clock) {
		this.topUps = topUps;
		this.rows = rows;
		this.ledger = ledger;
		this.provider = provider;
		this.mails = mails;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	public Money minimum() {
		return settings.minAmount();
	}

	public BankDetails bank() {
		return settings.bank();
	}

	/**
	 * Whether card top-ups are offered: only with a payment provider; else bank transfers
	 * only.
	 */
	public boolean cardOffered() {
		return provider.isPresent();
	}

	/**
	 * Whether the card provider is the demo's simulation (the {@code demo} profile only).
	 */
	public boolean demoProvider() {
		return provider.map(PaymentProvider::demo).orElse(false);
	}

	/**
	 * Starts a top-up. A bank transfer gets its unique payment reference and an e-mail
	 * with the bank details.
	 * @return the new top-up and, for a card, where to go to pay
	 * @throws Refusal when the card is not offered, or the amount is below the minimum
	 * (its argument) or above the maximum
	 */
	public Requested request(ShopUser reseller, Money amount, PaymentMethod method) {
		if (method == PaymentMethod.CARD && provider.isEmpty()) {
			throw new Refusal("topup.error.cardUnavailable");
		}
		if (amount.isLessThan(settings.minAmount())) {
			throw new Refusal("topup.error.minimum", settings.minAmount());
		}
		if (settings.maxAmount().isLessThan(amount)) {
			throw new Refusal("topup.error.maximum");
		}
		Instant now = clock.instant();
		String reference = "RIC-%d-%06d".formatted(now.atZone(Formats.SHOP_ZONE).getYear(),
				topUps.nextReferenceNumber());
		String providerReference = method == PaymentMethod.CARD ? SecretTokens.random(24) : null;
		TopUp topUp = topUps.saveAndFlush(new TopUp(reference, reseller.resellerId(), amount, method, providerReference,
				reseller.email(), reseller.userId(), now));
		audit.record(AuditRecord.of(reseller.email(), "TOPUP_REQUESTED", reference, method + " " + amount));
		String next = null;
		if (method == PaymentMethod.BANK) {
			mails.bankDetails(topUp, bank());
		}
		else {
			next = provider.orElseThrow().start(providerReference, amount, reference);
		}
		return new Requested(view(topUp.id()), next);
	}

	/** The provider says the card payment went through. Called twice, it credits once. */
	public boolean cardPaid(String providerReference) {
		if (provider.isEmpty()) {
			return false;
		}
		Optional<TopUp> topUp = topUps.lockByProviderReference(providerReference).filter(TopUp::isPending);
		topUp.ifPresent(pending -> completed(pending,
				pending.completeCardPayment(provider.get().name(), clock.instant(), this::credit)));
		return topUp.isPresent();
	}

	/**
	 * Staff saw the transfer arrive. The credit is what arrived. Only staff may do this,
	 * never the reseller itself.
	 * @return whether it was credited now: false when it was done (or cancelled) already
	 * @throws Refusal when nothing arrived (not a positive amount)
	 */
	public boolean confirmTransfer(long topUpId, Money received, LocalDate receivedOn, String bankReference,
			ShopUser staff) {
		if (!staff.isStaff()) {
			throw new AccessDeniedException("Only staff confirm transfers");
		}
		Optional<TopUp> topUp = topUps.lockById(topUpId).filter(TopUp::isPending);
		topUp.ifPresent(pending -> completed(pending, pending.confirmTransfer(received, receivedOn, bankReference,
				staff.email(), clock.instant(), this::credit)));
		return topUp.isPresent();
	}

	/**
	 * Staff cancel a top-up that will not be paid, with a reason.
	 * @throws Refusal without a reason, or when it was completed or cancelled already
	 */
	public void cancel(long topUpId, String reason, ShopUser staff) {
		if (!staff.isStaff()) {
			throw new AccessDeniedException("Only staff cancel top-ups");
		}
		TopUp topUp = topUps.lockById(topUpId).orElseThrow(() -> new NotFoundException("top-up " + topUpId));
		topUp.cancel(reason, staff.email());
		audit.record(AuditRecord.of(staff.email(), "TOPUP_CANCELLED", topUp.reference(), reason));
	}

	private LedgerEntry credit(long resellerId, Money amount, String reference, String actor) {
		return ledger.credit(resellerId, EntryKind.TOPUP, amount, reference, "Ricarica " + reference, actor);
	}

	private void completed(TopUp topUp, LedgerEntry entry) {
		audit.record(AuditRecord.of(topUp.confirmedBy(), "TOPUP_COMPLETED", topUp.reference(),
				"requested " + topUp.amount() + ", credited " + entry.amount() + ", balance " + entry.balanceAfter()));
		mails.credited(topUp, entry);
	}

	@Transactional(readOnly = true)
	public TopUpView view(long topUpId) {
		return rows.byId(topUpId).orElseThrow(() -> new NotFoundException("top-up " + topUpId));
	}

	/** A reseller's own top-up by reference; another reseller's is not found. */
	@Transactional(readOnly = true)
	public TopUpView ownedBy(long resellerId, String reference) {
		return rows.byReference(resellerId, reference).orElseThrow(() -> new NotFoundException("top-up " + reference));
	}

	/** A reseller's own card top-up by the provider's reference. */
	@Transactional(readOnly = true)
	public TopUpView ownedByProviderReference(long resellerId, String providerReference) {
		return rows.byProviderReference(resellerId, providerReference)
			.orElseThrow(() -> new NotFoundException("payment"));
	}

	@Transactional(readOnly = true)
	public List<TopUpView> ofReseller(long resellerId) {
		return rows.ofReseller(resellerId);
	}

	@Transactional(readOnly = true)
	public List<TopUpView> pending() {
		return rows.pending();
	}

	@Transactional(readOnly = true)
	public long pendingCount() {
		return topUps.countByStatus(TopUpStatus.PENDING);
	}

	@Transactional(readOnly = true)
	public List<TopUpView> recent() {
		return rows.recent();
	}

	/** A requested top-up, and for a card the provider's page to pay on. */
	public record Requested(TopUpView topUp, String paymentUrl) {
	}

	/** Where bank transfers go ({@code rivendo.topup.bank.*}). */
	public record BankDetails(String beneficiary, String iban, String name) {
	}

}

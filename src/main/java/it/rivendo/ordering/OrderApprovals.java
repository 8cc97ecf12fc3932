package it.rivendo.ordering;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.cart.Renewal;
import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.LineQuotes;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.catalog.ProductMode;
import it.rivendo.identity.MailRecipient;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.identity.Team;
import it.rivendo.identity.TeamMember;
import it.rivendo.identity.TeamRole;
import it.rivendo.ordering.CheckoutRefusedException.Reason;
import it.rivendo.ordering.internal.ApprovalMails;
import it.rivendo.ordering.internal.ApprovalProperties;
import it.rivendo.ordering.internal.BillingCustomer;
import it.rivendo.ordering.internal.BillingCustomerRepository;
import it.rivendo.ordering.internal.OrderRequest;
import it.rivendo.ordering.internal.OrderRequestRepository;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.VatBreakdown;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approval of an Operatore's orders (issue 17). Above the threshold the Titolare sets, an
 * Operatore's checkout does not pay: the cart becomes a request (its lines at the prices
 * of the moment, the billing data) and the Titolari are e-mailed. Nothing is charged
 * while it waits. A Titolare approves it, which pays it then as the Operatore's order,
 * with every check of a payment (the credit, the Operatore's monthly limit, whether it
 * may still buy): refused, the request keeps waiting. Or rejects it. A request not
 * decided within {@code rivendo.approvals.days} expires (hourly job). A rejected or
 * expired request leaves nothing but itself: no order, no ledger entry, no service. A
 * cart with renewals goes the same way (each renewal still possible when approved:
 * {@link RenewalCheck}), and so does a bulk order, kept by the bulk module and issued by
 * it once approved ({@link BulkIssuer}).
 */
@Service
public class OrderApprovals {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(Formats.SHOP_ZONE);

	private final OrderRequestRepository requests;

	private final CartService carts;

	private final CheckoutService checkout;

	private final Team team;

	private final ResellerAccounts accounts;

	private final ApprovalMails mails;

	private final BillingCustomerRepository customers;

	private final Catalog catalog;

	private final List<RenewalCheck> renewalChecks;

	private final List<BulkIssuer> bulkIssuers;

	private final Duration validFor;

	private final Clock clock;

	OrderApprovals(OrderRequestRepository requests, CartService carts, CheckoutService checkout, Team team,
			ResellerAccounts accounts, ApprovalMails mails, BillingCustomerRepository customers, Catalog catalog,
			List<RenewalCheck> renewalChecks, List<BulkIssuer> bulkIssuers, ApprovalProperties properties,
			Clock clock) {
		this.requests = requests;
		this.carts = carts;
		this.checkout = checkout;
		this.team = team;
		this.accounts = accounts;
		this.mails = mails;
		this.customers = customers;
		this.catalog = catalog;
		this.renewalChecks = renewalChecks;
		this.bulkIssuers = bulkIssuers;
		this.validFor = Duration.ofDays(properties.days());
		this.clock = clock;
	}

	/** Whether this user's order of this total must wait for a Titolare. */
	@Transactional(readOnly = true)
	public boolean required(ShopUser user, Money total) {
		Money threshold = threshold(user);
		return threshold != null && threshold.isLessThan(total);
	}

	/**
	 * The total above which this user's orders wait for a Titolare: null for a Titolare,
	 * or when the account set none.
	 */
	@Transactional(readOnly = true)
	public Money threshold(ShopUser user) {
		if (!user.isReseller() || user.teamRole() != TeamRole.OPERATOR) {
			return null;
		}
		return team.approvalThreshold(user.resellerId());
	}

	/**
	 * Turns the Operatore's cart into a request for approval and empties the cart; the
	 * same form posted again finds the same request.
	 * @return the request's id
	 * @throws CheckoutRefusedException as a payment would (empty cart, a product no
	 * longer on sale, a total not the one confirmed)
	 */
	@Transactional
	public long request(ShopUser operator, PaymentRequest payment) {
		long resellerId = operator.resellerId();
		var earlier = requests.findByResellerIdAndCheckoutToken(resellerId, payment.checkoutToken());
		if (earlier.isPresent()) {
			return earlier.get().id();
		}
		CartView cart = carts.lockForCheckout(resellerId, operator.userId());
		earlier = requests.findByResellerIdAndCheckoutToken(resellerId, payment.checkoutToken());
		if (earlier.isPresent()) {
			return earlier.get().id();
		}
		if (cart.isEmpty()) {
			throw new CheckoutRefusedException(Reason.CART_EMPTY, cart.totals().total());
		}
		if (cart.anyUnavailable()) {
			throw new CheckoutRefusedException(Reason.ITEM_UNAVAILABLE, cart.totals().total());
		}
		if (!cart.totals().total().equals(payment.expectedTotal())) {
			throw new CheckoutRefusedException(Reason.TOTAL_CHANGED, cart.totals().total());
		}
		List<PriceQuote> quotes = new ArrayList<>();
		List<Integer> quantities = new ArrayList<>();
		List<RenewedTerm> renewals = new ArrayList<>();
		for (CartView.Line line : cart.payableLines()) {
			quotes.add(new PriceQuote(line.item().productId(), line.productCode(), line.productName(), null, null,
					line.mode(), line.unitListPrice(), line.discountPercent(), line.unitNetPrice(), line.vatRate()));
			quantities.add(line.quantity());
			// a renewal keeps which service and which term it renews, as the cart did
			Renewal renewal = line.renewal();
			renewals.add(renewal == null ? null : new RenewedTerm(renewal.serviceId(), renewal.customerEmail(),
					renewal.validUntil(), renewal.renewedUntil()));
		}
		Instant now = clock.instant();
		OrderRequest request = requests
			.saveAndFlush(new OrderRequest(resellerId, operator.userId(), payment.checkoutToken(), payment.billing(),
					payment.saveCustomer(), quotes, quantities, renewals, cart.totals(), now, now.plus(validFor)));
		carts.clearAfterPayment(operator.userId());
		tellOwners(request, operator);
		return request.id();
	}

	/**
	 * A checked bulk order an Operatore sends for approval instead of confirming it.
	 *
	 * @param token the confirmation token of the upload's preview: the same preview sent
	 * again finds the same request
	 * @param rows how many rows it has
	 * @param customers how many billing customers (one order each)
	 */
	public record BulkOrder(long uploadId, String token, String fileName, int rows, int customers, Money taxable,
			Money vat, Money total) {
	}

	/** A request made: its id, and until when it waits. */
	public record Requested(long id, Instant expiresAt) {
	}

	/**
	 * The request made from a bulk upload that still stands, if any: one waiting (and not
	 * past its time) or approved. A rejected or expired one does not: the upload may be
	 * sent again, as a new request.
	 */
	@Transactional(readOnly = true)
	public Optional<Requested> bulkRequested(long resellerId, long uploadId) {
		Instant now = clock.instant();
		return requests.findByResellerIdAndBulkUploadIdOrderByIdDesc(resellerId, uploadId)
			.stream()
			.findFirst()
			.filter(request -> request.status() == OrderRequest.Status.APPROVED
					|| request.status() == OrderRequest.Status.PENDING && now.isBefore(request.expiresAt()))
			.map(request -> new Requested(request.id(), request.expiresAt()));
	}

	/**
	 * The request waiting for a Titolare that an upload was sent with, if any: its
	 * preview then leads to it instead of being confirmed a second way.
	 */
	@Transactional(readOnly = true)
	public Optional<Long> pendingBulkRequest(long resellerId, long uploadId) {
		return requests.findFirstByResellerIdAndBulkUploadIdAndStatus(resellerId, uploadId, OrderRequest.Status.PENDING)
			.map(OrderRequest::id);
	}

	/**
	 * Keeps an Operatore's checked bulk order as a request for approval, nothing charged,
	 * and e-mails every active Titolare. The caller holds the upload's lock, so that the
	 * same preview sent twice at once finds the first request. Sent again after a
	 * rejection or expiry, it is a new request.
	 */
	@Transactional
	public Requested requestBulk(ShopUser operator, BulkOrder bulk) {
		long resellerId = operator.resellerId();
		var standing = bulkRequested(resellerId, bulk.uploadId());
		if (standing.isPresent()) {
			return standing.get();
		}
		// the token stays unique per account: the preview's, then numbered
		int earlier = requests.findByResellerIdAndBulkUploadIdOrderByIdDesc(resellerId, bulk.uploadId()).size();
		String token = "bulk:" + bulk.token() + (earlier == 0 ? "" : "#" + (earlier + 1));
		Instant now = clock.instant();
		OrderRequest request = requests
			.saveAndFlush(new OrderRequest(resellerId, operator.userId(), token, bulk.uploadId(), bulk.fileName(),
					bulk.rows(), bulk.customers(), bulk.taxable(), bulk.vat(), bulk.total(), now, now.plus(validFor)));
		tellOwners(request, operator);
		return new Requested(request.id(), request.expiresAt());
	}

	/**
	 * The bulk upload was confirmed directly (by a Titolare, or by the Operatore once the
	 * threshold allowed it): a request of it still waiting waits no more. Its Operatore
	 * is told, unless it confirmed the upload itself. Called before the upload is locked,
	 * as an approval locks the request before the upload.
	 * @param confirmedBy the user confirming, or null
	 */
	@Transactional
	public void bulkConfirmed(long resellerId, long uploadId, String actor, Long confirmedBy) {
		for (OrderRequest request : requests.lockByBulkUpload(resellerId, uploadId, OrderRequest.Status.PENDING)) {
			request.supersede(actor, clock.instant());
			if (confirmedBy == null || confirmedBy != request.requestedByUserId()) {
				tellOperator(request);
			}
		}
	}

	/**
	 * Pays the request as the Operatore's order and marks it approved.
	 * @return the order's number
	 * @throws Refusal when it no longer waits, or the payment is refused (the credit, the
	 * Operatore's limit): then it keeps waiting
	 */
	@Transactional
	public String approve(ShopUser owner, long requestId) {
		OrderRequest request = owned(owner, requestId);
		Instant now = clock.instant();
		request.requirePending(now);
		String number;
		if (request.isBulk()) {
			// the bulk module prices the upload today and issues it, as its confirmation
			number = bulkIssuers.stream()
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No bulk issuer"))
				.issue(request.resellerId(), request.bulkUploadId(), request.totalAmount(), owner.email(),
						request.requestedByUserId());
		}
		else {
			stillOnSaleAtTheSamePrices(request);
			renewalsStillPossible(request, now);
			number = checkout
				.payBatch(new OrderBatch(request.resellerId(), "approval-" + request.id(), owner.email(),
						request.requestedByUserId(), List.of(request.toOrder())))
				.get(0)
				.number();
		}
		request = requests.lockById(requestId).orElseThrow(); // payBatch may let go of it
		request.approve(number, owner.email(), now);
		if (request.saveCustomer()) {
			customers.save(new BillingCustomer(request.resellerId(), request.billing(), now));
		}
		tellOperator(request);
		return number;
	}

	/**
	 * The request pays its lines at the prices of the moment it was sent: approving it
	 * later must not sell what is no longer on sale, nor at a price no longer the
	 * catalog's. Either way the Titolare is told and the request keeps waiting (to be
	 * rejected, and the cart sent again at today's prices).
	 */
	private void stillOnSaleAtTheSamePrices(OrderRequest request) {
		List<OrderRequest.Line> lines = request.lines();
		// a renewal at today's renewal price, a purchase at today's purchase price
		LineQuotes today = catalog.lineQuotes(request.resellerId(),
				lines.stream().map(line -> new ProductMode(line.productId(), line.mode())).toList());
		List<VatBreakdown.TaxableLine> atTodaysPrices = new ArrayList<>();
		boolean changed = false;
		for (OrderRequest.Line line : lines) {
			PriceQuote quote = today.of(new ProductMode(line.productId(), line.mode()), line.renewal() != null);
			if (quote == null) {
				throw new Refusal("approval.unavailable", line.productName().it());
			}
			atTodaysPrices.add(new VatBreakdown.TaxableLine(quote.netPrice().times(line.quantity()), quote.vatRate()));
			changed |= !quote.netPrice().equals(line.unitNetPrice()) || quote.vatRate().compareTo(line.vatRate()) != 0;
		}
		if (changed) {
			throw new Refusal("approval.priceChanged", VatBreakdown.of(atTodaysPrices).total().amount());
		}
	}

	/**
	 * Each renewal it holds must still renew the term it was priced for: the service not
	 * cancelled or revoked, not renewed meanwhile (by hand, or by the automatic renewal),
	 * its window open. Otherwise the Titolare is told which service, and the request
	 * keeps waiting (to be rejected). The payment checks again under the service's lock.
	 */
	private void renewalsStillPossible(OrderRequest request, Instant now) {
		for (OrderRequest.Line line : request.lines()) {
			RenewedTerm term = line.renewal();
			if (term == null) {
				continue;
			}
			for (RenewalCheck check : renewalChecks) {
				String refusal = check.refusal(request.resellerId(), term, now);
				if (refusal != null) {
					throw new Refusal("approval.renewal." + refusal.substring(refusal.lastIndexOf('.') + 1),
							line.productName().it(), term.customerEmail() == null ? "—" : term.customerEmail(),
							term.serviceId(), DAY.format(term.validUntil()));
				}
			}
		}
	}

	/**
	 * @throws Refusal when it no longer waits
	 */
	@Transactional
	public void reject(ShopUser owner, long requestId, String reason) {
		OrderRequest request = owned(owner, requestId);
		request.reject(reason, owner.email(), clock.instant());
		tellOperator(request);
	}

	/**
	 * Every hour: the requests whose time ran out without a decision expire, and their
	 * Operatori are told.
	 * @return how many expired
	 */
	@Scheduled(cron = "${rivendo.approvals.expiry-cron:0 17 * * * *}")
	@Transactional
	public int expire() {
		Instant now = clock.instant();
		int expired = 0;
		// ids only: each request is read once its row is locked, so that a decision or
		// another job's expiry committed meanwhile is seen (an entity loaded before the
		// lock is returned as it was: its stale PENDING would expire a paid request)
		for (long due : requests.findIdsByStatusAndExpiresAtLessThanEqual(OrderRequest.Status.PENDING, now)) {
			OrderRequest request = requests.lockById(due).orElseThrow();
			if (request.status() == OrderRequest.Status.PENDING && !now.isBefore(request.expiresAt())) {
				request.expire(now);
				tellOperator(request);
				expired++;
			}
		}
		return expired;
	}

	/**
	 * The account's requests (a Titolare) or the user's own (an Operatore): waiting ones
	 * first, then the newest.
	 */
	@Transactional(readOnly = true)
	public List<ApprovalRequest> list(ShopUser user) {
		long resellerId = user.resellerId();
		// every waiting one (the home counts them all), then the newest 100 decided ones
		OrderRequest.Status pending = OrderRequest.Status.PENDING;
		List<OrderRequest> found = new ArrayList<>();
		if (user.isOwner()) {
			found.addAll(requests.findByResellerIdAndStatusOrderByCreatedAtDesc(resellerId, pending));
			found.addAll(requests.findTop100ByResellerIdAndStatusNotOrderByCreatedAtDesc(resellerId, pending));
		}
		else {
			found.addAll(requests.findByResellerIdAndRequestedByUserIdAndStatusOrderByCreatedAtDesc(resellerId,
					user.userId(), pending));
			found.addAll(requests.findTop100ByResellerIdAndRequestedByUserIdAndStatusNotOrderByCreatedAtDesc(resellerId,
					user.userId(), pending));
		}
		Map<Long, String> names = team.members(resellerId)
			.stream()
			.collect(Collectors.toMap(TeamMember::id, TeamMember::displayName));
		return found.stream().map(r -> view(r, names.getOrDefault(r.requestedByUserId(), "—"))).toList();
	}

	/** How many requests wait for a Titolare of the account. */
	@Transactional(readOnly = true)
	public long pendingCount(long resellerId) {
		return requests.countByResellerIdAndStatus(resellerId, OrderRequest.Status.PENDING);
	}

	private OrderRequest owned(ShopUser owner, long requestId) {
		if (!owner.isOwner()) {
			throw new Refusal("team.notOwner");
		}
		return requests.lockOwned(owner.resellerId(), requestId)
			.orElseThrow(() -> new NotFoundException("order request " + requestId));
	}

	/** To the Operatore, in its own language: what became of its request. */
	private void tellOperator(OrderRequest request) {
		MailRecipient operator = accounts.member(request.resellerId(), request.requestedByUserId()).orElseThrow();
		mails.decided(request, operator.email(), operator.name(), operator.locale());
	}

	/** To every active Titolare, each in its own language: a request waits. */
	private void tellOwners(OrderRequest request, ShopUser operator) {
		for (MailRecipient owner : accounts.recipients(request.resellerId()).owners()) {
			mails.requested(request, owner.email(), owner.name(), operator.displayName(), owner.locale());
		}
	}

	private static ApprovalRequest view(OrderRequest request, String requesterName) {
		return new ApprovalRequest(request.id(), request.requestedByUserId(), requesterName, request.status().name(),
				request.totalAmount(), request.isBulk() ? null : request.billing().recipientName(),
				request.lines()
					.stream()
					.map(line -> new ApprovalRequest.Item(line.quantity(), line.productName(), line.mode(),
							line.lineNet(), line.renewal()))
					.toList(),
				request.createdAt(), request.expiresAt(), request.decidedAt(), request.decidedBy(), request.reason(),
				request.orderNumber(), request.isBulk() ? new ApprovalRequest.Bulk(request.bulkUploadId(),
						request.bulkFileName(), request.bulkRows(), request.bulkCustomers()) : null);
	}

}

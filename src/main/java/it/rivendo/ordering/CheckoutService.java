package it.rivendo.ordering;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.cart.Renewal;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.credit.LedgerEntry;
import it.rivendo.ordering.CheckoutRefusedException.Reason;
import it.rivendo.ordering.internal.BillingCustomer;
import it.rivendo.ordering.internal.BillingCustomerRepository;
import it.rivendo.ordering.internal.Order;
import it.rivendo.ordering.internal.OrderLine;
import it.rivendo.ordering.internal.OrderRepository;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.VatBreakdown;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pays the cart of a reseller's user from the reseller's credit in one transaction: the
 * order with its price and billing snapshot, the debit, the purchased services and the
 * confirmation e-mail (through {@link OrderPlaced} listeners), and the empty cart. All of
 * it, or none of it.
 */
@Service
public class CheckoutService {

	private final CartService carts;

	private final CreditLedger credit;

	private final OrderRepository orders;

	private final BillingCustomerRepository customers;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EntityManager entityManager;

	private final SpendingLimits limits;

	/** How many orders {@link #payBatch} places between two flushes. */
	static final int WRITTEN_EVERY = 10;

	CheckoutService(CartService carts, CreditLedger credit, OrderRepository orders, BillingCustomerRepository customers,
			ApplicationEventPublisher events, Clock clock, EntityManager entityManager, SpendingLimits limits) {
		this.carts = carts;
		this.credit = credit;
		this.orders = orders;
		this.customers = customers;
		this.events = events;
		this.clock = clock;
		this.entityManager = entityManager;
		this.limits = limits;
	}

	/**
	 * @throws CheckoutRefusedException when the cart is empty, holds a product no longer
	 * on sale, or its total is not the one confirmed
	 * @throws SpendingLimitExceededException when the total would take the paying
	 * Operatore past its monthly limit
	 * @throws it.rivendo.credit.InsufficientCreditException when the credit does not
	 * cover the total
	 */
	@Transactional
	public PaymentResult pay(PaymentRequest request) {
		Optional<PaymentResult> earlier = alreadyPaid(request);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		// a cart is its user's (issue 17): only a user of the team pays one
		long userId = Objects.requireNonNull(request.placedBy(), "a cart is paid by its user");
		CartView cart = carts.lockForCheckout(request.resellerId(), userId);
		// A twin request may have paid while this one waited for the cart: look again,
		// now that it is ours.
		earlier = alreadyPaid(request);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (cart.isEmpty()) {
			throw new CheckoutRefusedException(Reason.CART_EMPTY, cart.totals().total());
		}
		if (cart.anyUnavailable()) {
			throw new CheckoutRefusedException(Reason.ITEM_UNAVAILABLE, cart.totals().total());
		}
		if (!cart.totals().total().equals(request.expectedTotal())) {
			throw new CheckoutRefusedException(Reason.TOTAL_CHANGED, cart.totals().total());
		}
		limits.require(request.resellerId(), request.placedBy(), cart.totals().total());
		String number = placeOrder(request, cart);
		carts.clearAfterPayment(userId);
		return new PaymentResult(number, false);
	}

	/**
	 * Pays lines priced by the cart module but not in the reseller's cart (an automatic
	 * renewal), exactly as a cart is paid: order, debit, invoice, e-mail, and the renewal
	 * through {@link OrderPlaced}. The checkout token makes it once: a second call with
	 * the same token finds the first order, and two at once collide on the token's unique
	 * key (the second fails, nothing of it is kept).
	 * @throws CheckoutRefusedException when the lines cannot be paid or their total is
	 * not the one expected
	 * @throws it.rivendo.credit.InsufficientCreditException when the credit does not
	 * cover the total
	 */
	@Transactional
	public PaymentResult payPriced(PaymentRequest request, CartView priced) {
		Optional<PaymentResult> earlier = alreadyPaid(request);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (priced.isEmpty() || priced.anyUnavailable()) {
			throw new CheckoutRefusedException(Reason.ITEM_UNAVAILABLE, priced.totals().total());
		}
		if (!priced.totals().total().equals(request.expectedTotal())) {
			throw new CheckoutRefusedException(Reason.TOTAL_CHANGED, priced.totals().total());
		}
		limits.require(request.resellerId(), request.placedBy(), priced.totals().total());
		return new PaymentResult(placeOrder(request, priced), false);
	}

	/**
	 * The order, its debit, and through {@link OrderPlaced} its services and e-mail, for
	 * the given cart content. Runs inside {@link #pay}; tests call it directly to race
	 * many orders against one balance.
	 * @throws it.rivendo.credit.InsufficientCreditException when the credit does not
	 * cover the total
	 */
	@Transactional
	String placeOrder(PaymentRequest request, CartView cart) {
		List<OrderLine> lines = new ArrayList<>();
		for (CartView.Line line : cart.payableLines()) {
			Renewal renewal = line.renewal();
			lines.add(renewal == null
					? new OrderLine(lines.size() + 1, line.item().productId(), line.productCode(), line.productName(),
							line.mode(), line.quantity(), line.unitListPrice(), line.discountPercent(),
							line.unitNetPrice(), line.vatRate())
					: new OrderLine(lines.size() + 1, line.item().productId(), line.productCode(), line.productName(),
							line.mode(), line.unitListPrice(), line.discountPercent(), line.unitNetPrice(),
							line.vatRate(), new RenewedTerm(renewal.serviceId(), renewal.customerEmail(),
									renewal.validUntil(), renewal.renewedUntil())));
		}
		Order order = place(request.resellerId(), request.checkoutToken(), request.billing(), lines, cart.totals(),
				request.actor(), request.placedBy());
		if (request.saveCustomer()) {
			customers.save(new BillingCustomer(request.resellerId(), request.billing(), order.createdAt()));
		}
		return order.number();
	}

	/**
	 * Pays several orders at once from the credit, in one transaction: all of them or
	 * none. Idempotent like {@link #pay}: the batch's token makes each order's checkout
	 * token, so the same batch paid again answers the orders paid the first time. Every
	 * {@value #WRITTEN_EVERY} orders the persistence context is written out and emptied
	 * (the cost per order stays flat): an entity the caller loaded before is detached
	 * afterwards.
	 * @throws SpendingLimitExceededException when the orders not paid yet would take the
	 * paying Operatore past its monthly limit: nothing is charged
	 * @throws it.rivendo.credit.InsufficientCreditException when the credit does not
	 * cover them all: nothing is charged
	 */
	@Transactional
	public List<PlacedOrder> payBatch(OrderBatch batch) {
		List<Order> earlier = new ArrayList<>();
		Money unpaid = Money.ZERO;
		for (int i = 0; i < batch.orders().size(); i++) {
			Order order = orders.findByResellerIdAndCheckoutToken(batch.resellerId(), batch.checkoutToken(i))
				.orElse(null);
			earlier.add(order);
			if (order == null) {
				unpaid = unpaid.plus(batch.orders().get(i).totals().total());
			}
		}
		if (unpaid.isPositive()) {
			limits.require(batch.resellerId(), batch.placedBy(), unpaid);
		}
		List<PlacedOrder> placed = new ArrayList<>();
		for (int i = 0; i < batch.orders().size(); i++) {
			OrderBatch.Order wanted = batch.orders().get(i);
			String token = batch.checkoutToken(i);
			Order order = earlier.get(i);
			if (order == null) {
				List<OrderLine> lines = new ArrayList<>();
				for (OrderBatch.Item item : wanted.items()) {
					PriceQuote quote = item.quote();
					lines.add(item.renewal() == null
							? new OrderLine(lines.size() + 1, quote.productId(), quote.productCode(),
									quote.productName(), quote.mode(), item.quantity(), quote.listPrice(),
									quote.discountPercent(), quote.netPrice(), quote.vatRate())
							: new OrderLine(lines.size() + 1, quote.productId(), quote.productCode(),
									quote.productName(), quote.mode(), quote.listPrice(), quote.discountPercent(),
									quote.netPrice(), quote.vatRate(), item.renewal()));
				}
				order = place(batch.resellerId(), token, wanted.billing(), lines, OrderBatch.totals(wanted.items()),
						batch.actor(), batch.placedBy());
			}
			placed.add(new PlacedOrder(order.number(), order.lines().stream().map(OrderLine::id).toList()));
			if ((i + 1) % WRITTEN_EVERY == 0) {
				// what is paid so far is written out and let go: each query flushes, and
				// a
				// flush looks at every entity held (the orders, their services,
				// e-mails...)
				entityManager.flush();
				entityManager.clear();
			}
		}
		return placed;
	}

	private Order place(long resellerId, String checkoutToken, BillingDetails billing, List<OrderLine> lines,
			VatBreakdown totals, String actor, Long placedBy) {
		Instant now = clock.instant();
		String number = "%d-%06d".formatted(now.atZone(Formats.SHOP_ZONE).getYear(), orders.nextNumber());
		Order order = orders
			.saveAndFlush(new Order(number, resellerId, checkoutToken, billing, lines, totals, now, placedBy));
		LedgerEntry debit = credit.debit(resellerId, EntryKind.PURCHASE, order.totalAmount(), number,
				ledgerDescription(number, lines), actor);
		events.publishEvent(new OrderPlaced(order.id(), number, resellerId, placedBy, now, order.totalAmount(),
				debit.balanceAfter(),
				order.lines()
					.stream()
					.map(line -> new OrderPlaced.Line(line.id(), line.productId(), line.productCode(),
							line.productName(), line.mode(), line.quantity(), line.unitNetPrice(), line.renewal()))
					.toList()));
		return order;
	}

	/**
	 * What the credit movement of an order says (the staff's ledger export shows it): a
	 * renewal is named as such, also beside new services in one order.
	 */
	static String ledgerDescription(String number, List<OrderLine> lines) {
		if (lines.stream().allMatch(line -> line.renewal() != null)) {
			return "Rinnovo, ordine " + number;
		}
		return lines.stream().anyMatch(line -> line.renewal() != null) ? "Ordine " + number + ", con rinnovi"
				: "Ordine " + number;
	}

	private Optional<PaymentResult> alreadyPaid(PaymentRequest request) {
		return orders.findByResellerIdAndCheckoutToken(request.resellerId(), request.checkoutToken())
			.map(order -> new PaymentResult(order.number(), true));
	}

}

package it.rivendo.cart;

import it.rivendo.cart.internal.Cart;
import it.rivendo.cart.internal.CartLine;
import it.rivendo.cart.internal.CartRepository;
import it.rivendo.catalog.Catalog;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.LineQuotes;
import it.rivendo.catalog.PriceQuote;
import it.rivendo.catalog.ProductMode;
import it.rivendo.identity.ShopUser;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Versions;
import it.rivendo.shared.VatBreakdown;
import it.rivendo.shared.VatBreakdown.TaxableLine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The server-side carts: one per user of a reseller's team (issue 17), priced at the
 * reseller's prices. Every price in it comes from the catalog, never from the browser.
 */
@Service
@Transactional
public class CartService {

	private final CartRepository carts;

	private final Catalog catalog;

	private final Clock clock;

	private final Versions versions;

	CartService(CartRepository carts, Catalog catalog, Clock clock, Versions versions) {
		this.versions = versions;
		this.carts = carts;
		this.catalog = catalog;
		this.clock = clock;
	}

	/**
	 * Puts units of a product, identified in a mode, into the cart at today's price.
	 * @throws it.rivendo.shared.NotFoundException when the product is not on sale
	 * @throws it.rivendo.catalog.ModeNotAvailableException when the product does not
	 * allow the mode
	 * @throws it.rivendo.shared.Refusal when the line would hold more than 99 units
	 */
	public void add(ShopUser user, String productCode, IdentificationMode mode, int quantity) {
		PriceQuote quote = catalog.quote(user.resellerId(), productCode, mode);
		carts.createIfMissing(user.resellerId(), user.userId());
		Cart cart = carts.lockByUserId(user.userId()).orElseThrow();
		cart.add(quote, quantity, clock.instant());
	}

	/**
	 * Puts a renewal of one purchased service into the user's cart: one unit of its
	 * product, in its mode, at the reseller's renewal price now
	 * ({@link Catalog#renewalQuote}: the product's renewal price, or the mode's purchase
	 * price, less the current discount). A service already in the cart stays there once.
	 * @return whether the line was added (false: the service was in the cart already)
	 * @throws it.rivendo.shared.NotFoundException when the product is no longer on sale
	 * @throws it.rivendo.catalog.ModeNotAvailableException when the product no longer
	 * allows the mode
	 */
	public boolean addRenewal(ShopUser user, String productCode, IdentificationMode mode, Renewal renewal) {
		PriceQuote quote = catalog.renewalQuote(user.resellerId(), productCode, mode);
		carts.createIfMissing(user.resellerId(), user.userId());
		Cart cart = carts.lockByUserId(user.userId()).orElseThrow();
		return cart.addRenewal(quote, renewal, clock.instant());
	}

	/**
	 * Prices a renewal as a cart would ({@link Catalog#renewalQuote}), without putting it
	 * in the reseller's cart: what an automatic renewal pays.
	 */
	public CartView quoteRenewal(long resellerId, String productCode, IdentificationMode mode, Renewal renewal) {
		PriceQuote quote = catalog.renewalQuote(resellerId, productCode, mode);
		CartView.Line line = new CartView.Line(0, new ProductMode(quote.productId(), quote.mode()), quote.productCode(),
				quote.productName(), quote.mode(), 1, quote.listPrice(), quote.discountPercent(), quote.netPrice(),
				quote.vatRate(), quote.netPrice(), quote.netPrice(), false, true, renewal);
		return new CartView(List.of(line),
				VatBreakdown.of(List.of(new TaxableLine(quote.netPrice(), quote.vatRate()))));
	}

	/** Whether the service is in the user's cart, waiting to be renewed. */
	@Transactional(readOnly = true)
	public boolean holdsRenewalOf(ShopUser user, long serviceId) {
		return carts.findByUserId(user.userId())
			.map(cart -> cart.lines().stream().anyMatch(line -> line.renews(serviceId)))
			.orElse(false);
	}

	public void changeQuantity(ShopUser user, long lineId, int quantity) {
		lockedCart(user).changeQuantity(lineId, quantity, clock.instant());
	}

	public void remove(ShopUser user, long lineId) {
		lockedCart(user).remove(lineId, clock.instant());
	}

	/** The user has seen the new prices: stop flagging them as changed. */
	public void acknowledgePrices(ShopUser user) {
		carts.findByUserId(user.userId()).ifPresent(cart -> {
			Quotes quotes = quotes(user.resellerId(), cart);
			cart.lines().forEach(line -> {
				PriceQuote quote = quotes.of(line);
				if (quote != null) {
					line.seePrice(quote);
				}
			});
		});
	}

	/** The user's cart, priced at its reseller's prices now. */
	@Transactional(readOnly = true)
	public CartView view(ShopUser user) {
		return view(user.resellerId(), user.userId());
	}

	/** The cart of a reseller's user, priced at the reseller's prices now. */
	@Transactional(readOnly = true)
	public CartView view(long resellerId, long userId) {
		return carts.findByUserId(userId).map(cart -> price(resellerId, cart)).orElse(CartView.EMPTY);
	}

	/** How many units the user's cart holds. */
	@Transactional(readOnly = true)
	public int itemCount(ShopUser user) {
		// a signed-in page view read it with the versions (CartCountWithVersions)
		Optional<Versions.Kept> kept = versions.alongside(CartCountWithVersions.name(user.userId()));
		if (kept.isPresent()) {
			return kept.get().value() instanceof Number count ? count.intValue() : 0;
		}
		return carts.countItems(user.userId());
	}

	/**
	 * Locks the user's cart until the caller's transaction ends and prices it as of now
	 * at its reseller's prices. Two payments of the same cart queue up here: the second
	 * sees what the first left.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public CartView lockForCheckout(long resellerId, long userId) {
		return carts.lockByUserId(userId).map(cart -> price(resellerId, cart)).orElse(CartView.EMPTY);
	}

	/** Empties the user's cart inside the caller's transaction, once it is paid. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void clearAfterPayment(long userId) {
		carts.findByUserId(userId).ifPresent(cart -> cart.clear(clock.instant()));
	}

	private Cart lockedCart(ShopUser user) {
		return carts.lockByUserId(user.userId())
			.orElseThrow(() -> new NotFoundException("cart of user " + user.userId()));
	}

	private CartView price(long resellerId, Cart cart) {
		Quotes quotes = quotes(resellerId, cart);
		List<CartView.Line> lines = new ArrayList<>();
		List<TaxableLine> taxable = new ArrayList<>();
		for (CartLine line : cart.lines()) {
			ProductMode item = new ProductMode(line.productId(), line.mode());
			PriceQuote quote = quotes.of(line);
			if (quote == null) {
				lines.add(new CartView.Line(line.id(), item, null, catalog.productName(line.productId()), line.mode(),
						line.quantity(), line.unitListPrice(), line.discountPercent(), line.unitNetPrice(), null,
						line.unitNetPrice().times(line.quantity()), line.unitNetPrice(), false, false, line.renewal()));
				continue;
			}
			var lineNet = quote.netPrice().times(line.quantity());
			boolean changed = quote.differsFrom(line.unitListPrice(), line.discountPercent(), line.unitNetPrice());
			lines.add(new CartView.Line(line.id(), item, quote.productCode(), quote.productName(), line.mode(),
					line.quantity(), quote.listPrice(), quote.discountPercent(), quote.netPrice(), quote.vatRate(),
					lineNet, line.unitNetPrice(), changed, true, line.renewal()));
			taxable.add(new TaxableLine(lineNet, quote.vatRate()));
		}
		return new CartView(lines, VatBreakdown.of(taxable));
	}

	/**
	 * Today's prices of the cart's lines: purchases at the purchase price, renewals at
	 * the renewal price.
	 */
	private Quotes quotes(long resellerId, Cart cart) {
		return new Quotes(catalog.lineQuotes(resellerId,
				cart.lines().stream().map(line -> new ProductMode(line.productId(), line.mode())).toList()));
	}

	private record Quotes(LineQuotes today) {

		/** The line's price today; null when it is no longer on sale. */
		@Nullable PriceQuote of(CartLine line) {
			return today.of(new ProductMode(line.productId(), line.mode()), line.renewal() != null);
		}

	}

}

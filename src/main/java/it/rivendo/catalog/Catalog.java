package it.rivendo.catalog;

import it.rivendo.catalog.internal.CatalogCache;
import it.rivendo.catalog.internal.DiscountPolicies;
import it.rivendo.catalog.internal.DiscountPolicy;
import it.rivendo.catalog.internal.DiscountTier;
import it.rivendo.catalog.internal.DiscountTierRepository;
import it.rivendo.catalog.internal.MenuRows;
import it.rivendo.catalog.internal.OfferRows;
import it.rivendo.catalog.internal.Product;
import it.rivendo.catalog.internal.ProductRepository;
import it.rivendo.catalog.internal.ResellerTierRepository;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is on sale, and what it costs each reseller. The server prices everything; no
 * price comes from a form.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	private final ProductRepository products;

	private final DiscountTierRepository tiers;

	private final ResellerTierRepository resellerTiers;

	private final DiscountPolicies policies;

	private final MenuRows menuRows;

	private final OfferRows offerRows;

	private final MessageSource messages;

	private final CatalogCache cache;

	Catalog(ProductRepository products, DiscountTierRepository tiers, ResellerTierRepository resellerTiers,
			DiscountPolicies policies, MenuRows menuRows, OfferRows offerRows, MessageSource messages,
			CatalogCache cache) {
		this.cache = cache;
		this.products = products;
		this.tiers = tiers;
		this.resellerTiers = resellerTiers;
		this.policies = policies;
		this.menuRows = menuRows;
		this.offerRows = offerRows;
		this.messages = messages;
	}

	/**
	 * How many products of a family the main menu lists; the rest are one click away in
	 * the catalog.
	 */
	public static final int MENU_ITEMS_PER_FAMILY = 8;

	/**
	 * The main menu: families with their first products on sale. Every page of a reseller
	 * shows it, so it stays short however large the catalog grows, and the database
	 * returns only the rows shown (plus one, to tell "more"). Kept between pages until
	 * the catalog changes ({@link CatalogCache}).
	 */
	public List<MenuFamily> menu() {
		return cache.get(MenuKey.MENU, this::readMenu);
	}

	private enum MenuKey {

		MENU

	}

	private List<MenuFamily> readMenu() {
		Map<String, List<MenuFamily.MenuItem>> items = new LinkedHashMap<>();
		Map<String, LocalizedText> names = new HashMap<>();
		for (MenuRows.Row row : menuRows.firstOfEachFamily(MENU_ITEMS_PER_FAMILY + 1)) {
			names.putIfAbsent(row.familyCode(), row.familyName());
			items.computeIfAbsent(row.familyCode(), code -> new ArrayList<>())
				.add(new MenuFamily.MenuItem(row.code(), row.name()));
		}
		List<MenuFamily> menu = new ArrayList<>();
		items.forEach((code,
				first) -> menu.add(new MenuFamily(code, names.get(code),
						List.copyOf(first.subList(0, Math.min(first.size(), MENU_ITEMS_PER_FAMILY))),
						first.size() > MENU_ITEMS_PER_FAMILY)));
		return List.copyOf(menu);
	}

	/**
	 * The catalog as one reseller sees it, a page of products at a time, each with its
	 * modes and their prices after the reseller's discount. A page past the last one
	 * gives the last one.
	 * @param search words that must each be found in the product's code, name or family
	 * name (either language) or in the name of one of its modes ("firma remota spid");
	 * blank for all
	 * @param familyCode a family to keep, or blank for all
	 * @param page the page wanted, from 0
	 * @param size products per page
	 */
	public OfferPage offerPage(long resellerId, String search, String familyCode, int page, int size) {
		List<OfferRows.Word> words = words(search);
		String family = familyCode == null ? "" : familyCode.trim();
		int wanted = Math.max(page, 0);
		OfferRows.Slice slice = slice(words, family, (int) Math.min((long) wanted * size, Integer.MAX_VALUE), size);
		int pages = (int) Math.max(1, ((long) slice.total() + size - 1) / size);
		if (wanted >= pages) {
			wanted = pages - 1;
			slice = slice(words, family, wanted * size, size);
		}
		DiscountPolicy policy = policyFor(resellerId);
		Set<IdentificationMode> named = words.stream()
			.flatMap(word -> word.modes().stream())
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(IdentificationMode.class)));
		Map<Long, List<PriceQuote>> byProduct = new LinkedHashMap<>();
		for (OfferRows.Row row : slice.rows()) {
			byProduct.computeIfAbsent(row.productId(), id -> new ArrayList<>())
				.add(quote(row, row.listPrice(), policy));
		}
		List<ProductOffer> products = byProduct.values().stream().map(quotes -> offer(quotes, named)).toList();
		return new OfferPage(products, slice.total(), wanted, pages);
	}

	/**
	 * A page of the catalog's rows at list price, the same for every reseller: kept
	 * between pages until the catalog changes ({@link CatalogCache}).
	 */
	private OfferRows.Slice slice(List<OfferRows.Word> words, String family, int offset, int size) {
		return cache.get(new SliceKey(words, family, offset, size), () -> {
			OfferRows.Slice read = offerRows.products(words, family, offset, size);
			return new OfferRows.Slice(List.copyOf(read.rows()), read.total());
		});
	}

	private record SliceKey(List<OfferRows.Word> words, String family, int offset, int size) {
	}

	/**
	 * The whole catalog as one reseller sees it, a quote per product and mode (see
	 * {@link #offerPage}).
	 */
	public List<PriceQuote> offerFor(long resellerId, String search, String familyCode) {
		return offerPage(resellerId, search, familyCode, 0, Integer.MAX_VALUE).products()
			.stream()
			.flatMap(product -> product.quotes().stream())
			.toList();
	}

	/** At most this many words of a search count. */
	static final int SEARCH_WORDS = 8;

	/**
	 * A search's words, lower case, each with the modes whose name (in Italian or
	 * English) contains it.
	 */
	private List<OfferRows.Word> words(@Nullable String search) {
		if (search == null || search.isBlank()) {
			return List.of();
		}
		return Arrays.stream(search.strip().toLowerCase(Locale.ROOT).split("\\s+"))
			.distinct()
			.limit(SEARCH_WORDS)
			.map(word -> new OfferRows.Word(word, modesNaming(word)))
			.toList();
	}

	private Set<IdentificationMode> modesNaming(String word) {
		Set<IdentificationMode> modes = EnumSet.noneOf(IdentificationMode.class);
		for (IdentificationMode mode : IdentificationMode.values()) {
			for (Locale locale : LANGUAGES) {
				String name = messages.getMessage(mode.messageKey(), null, mode.name(), locale);
				if (name != null && name.toLowerCase(locale).contains(word)) {
					modes.add(mode);
				}
			}
		}
		return modes;
	}

	private static final List<Locale> LANGUAGES = List.of(Locale.ITALIAN, Locale.ENGLISH);

	private static ProductOffer offer(List<PriceQuote> quotes, Set<IdentificationMode> named) {
		PriceQuote first = quotes.get(0);
		IdentificationMode suggested = quotes.stream()
			.map(PriceQuote::mode)
			.filter(named::contains)
			.findFirst()
			.orElse(first.mode());
		return new ProductOffer(first.productId(), first.productCode(), first.productName(), first.familyCode(),
				first.familyName(), List.copyOf(quotes), suggested);
	}

	public ProductPage productPage(String code, long resellerId) {
		Product product = products.findByCodeWithPrices(code)
			.filter(Product::active)
			.orElseThrow(() -> new NotFoundException("product " + code));
		DiscountPolicy policy = policyFor(resellerId);
		List<PriceQuote> quotes = product.prices()
			.entrySet()
			.stream()
			.map(entry -> quote(product, entry.getKey(), entry.getValue(), policy))
			.toList();
		// a renewal price of its own is the same in every mode: the first mode's renewal
		Money renewal = product.renewalPrice().isEmpty() || quotes.isEmpty() ? null
				: renewalQuote(product, quotes.get(0).mode(), policy).netPrice();
		return new ProductPage(product.code(), product.name(), product.description(), product.family().name(),
				product.family().code(), quotes, renewal);
	}

	/** Today's price of one product in one mode for one reseller. */
	public PriceQuote quote(long resellerId, String productCode, IdentificationMode mode) {
		Product product = products.findByCodeWithPrices(productCode)
			.filter(Product::active)
			.orElseThrow(() -> new NotFoundException("product " + productCode));
		Money listPrice = product.listPrice(mode).orElseThrow(() -> new ModeNotAvailableException(productCode, mode));
		return quote(product, mode, listPrice, policyFor(resellerId));
	}

	/**
	 * Today's prices of several product-mode pairs for one reseller, in one go. A pair
	 * that is no longer on sale (product withdrawn, mode removed) is missing from the
	 * answer.
	 */
	public Map<ProductMode, PriceQuote> quotes(long resellerId, Collection<ProductMode> wanted) {
		return quotes(resellerId, wanted, false);
	}

	/**
	 * Today's price of renewing, for one reseller, one service of a product identified in
	 * a mode: the product's renewal price, or the mode's purchase price when it has none,
	 * less the reseller's discount on the product (tier, tier's and reseller's
	 * overrides), exactly as a purchase. The one answer to what a renewal costs: the
	 * cart's renewal lines, the automatic renewal, an approval of a renewal and "In
	 * scadenza" ask here.
	 * @throws NotFoundException when the product is not on sale
	 * @throws ModeNotAvailableException when the product does not allow the mode
	 */
	public PriceQuote renewalQuote(long resellerId, String productCode, IdentificationMode mode) {
		Product product = products.findByCodeWithPrices(productCode)
			.filter(Product::active)
			.orElseThrow(() -> new NotFoundException("product " + productCode));
		return renewalQuote(product, mode, policyFor(resellerId));
	}

	private static PriceQuote renewalQuote(Product product, IdentificationMode mode, DiscountPolicy policy) {
		Money listPrice = product.renewalListPrice(mode)
			.orElseThrow(() -> new ModeNotAvailableException(product.code(), mode));
		return quote(product, mode, listPrice, policy);
	}

	/**
	 * {@link #renewalQuote} of several product-mode pairs for one reseller, in one go
	 * (one statement). A pair no longer on sale is missing from the answer.
	 */
	public Map<ProductMode, PriceQuote> renewalQuotes(long resellerId, Collection<ProductMode> wanted) {
		return quotes(resellerId, wanted, true);
	}

	private Map<ProductMode, PriceQuote> quotes(long resellerId, Collection<ProductMode> wanted, boolean renewal) {
		LineQuotes quotes = lineQuotes(resellerId, wanted);
		return renewal ? quotes.renewals() : quotes.purchases();
	}

	/**
	 * Today's purchase and renewal prices of several product-mode pairs for one reseller,
	 * from one statement: what a cart or an order request holding both purchases and
	 * renewals asks. A pair no longer on sale has neither.
	 */
	public LineQuotes lineQuotes(long resellerId, Collection<ProductMode> wanted) {
		if (wanted.isEmpty()) {
			return new LineQuotes(Map.of(), Map.of());
		}
		Set<Long> ids = wanted.stream().map(ProductMode::productId).collect(Collectors.toSet());
		Map<ProductMode, OfferRows.Row> onSale = new HashMap<>();
		offerRows.ofProducts(ids).forEach(row -> onSale.put(new ProductMode(row.productId(), row.mode()), row));
		DiscountPolicy policy = policyFor(resellerId);
		Map<ProductMode, PriceQuote> purchases = new HashMap<>();
		Map<ProductMode, PriceQuote> renewals = new HashMap<>();
		for (ProductMode item : wanted) {
			OfferRows.Row row = onSale.get(item);
			if (row != null) {
				purchases.put(item, quote(row, row.listPrice(), policy));
				renewals.put(item, quote(row, row.renewalListPrice(), policy));
			}
		}
		return new LineQuotes(purchases, renewals);
	}

	/** The activation instructions of a product, for the purchase e-mail. */
	public Optional<LocalizedText> activationInstructions(long productId) {
		return products.findById(productId).map(Product::instructions);
	}

	/**
	 * The code of a product's family (PEC, FIRMA...), also once withdrawn from sale: what
	 * the end customer's activation asks for depends on it.
	 */
	public String familyCode(long productId) {
		return products.findById(productId).map(product -> product.family().code()).orElseThrow();
	}

	/**
	 * The term each product's service is sold with, by product id; a product not found is
	 * left out.
	 */
	public Map<Long, ServiceTerm> termsOf(Collection<Long> productIds) {
		return products.findAllById(productIds).stream().collect(Collectors.toMap(Product::id, Product::term));
	}

	/** A product's name, also once withdrawn from sale. */
	public LocalizedText productName(long productId) {
		return products.findById(productId).map(Product::name).orElseThrow();
	}

	/**
	 * The reseller's tier; kept under the catalog's version, which a change of tier or
	 * placement renews (V161).
	 */
	public DiscountTierInfo tierOf(long resellerId) {
		return cache.get(new TierKey(resellerId),
				() -> resellerTiers.findById(resellerId)
					.map(assigned -> info(assigned.tier(), assigned.since()))
					.orElseGet(() -> info(baseTier(), null)));
	}

	private record TierKey(long resellerId) {
	}

	private DiscountPolicy policyFor(long resellerId) {
		return policies.forReseller(resellerId);
	}

	private DiscountTier baseTier() {
		return tiers.findFirstByOrderBySortOrderAscPercentAsc()
			.orElseThrow(() -> new IllegalStateException("No discount tier is defined"));
	}

	private static DiscountTierInfo info(DiscountTier tier, Instant since) {
		return new DiscountTierInfo(tier.code(), tier.name(), tier.percent(), since);
	}

	private static PriceQuote quote(OfferRows.Row row, Money listPrice, DiscountPolicy policy) {
		BigDecimal percent = policy.percentFor(row.productId());
		return new PriceQuote(row.productId(), row.code(), row.name(), row.familyCode(), row.familyName(), row.mode(),
				listPrice, percent, listPrice.discountedBy(percent), row.vatRate());
	}

	private static PriceQuote quote(Product product, IdentificationMode mode, Money listPrice, DiscountPolicy policy) {
		var percent = policy.percentFor(product.id());
		return new PriceQuote(product.id(), product.code(), product.name(), product.family().code(),
				product.family().name(), mode, listPrice, percent, listPrice.discountedBy(percent), product.vatRate());
	}

}

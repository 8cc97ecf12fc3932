package it.rivendo.catalog;

import it.rivendo.audit.AuditTrail;
import it.rivendo.audit.AuditTrail.AuditRecord;
import it.rivendo.catalog.internal.Changes;
import it.rivendo.catalog.internal.DiscountOverride;
import it.rivendo.catalog.internal.DiscountOverrideRepository;
import it.rivendo.catalog.internal.DiscountTier;
import it.rivendo.catalog.internal.DiscountTierRepository;
import it.rivendo.catalog.internal.Product;
import it.rivendo.catalog.internal.ProductFamily;
import it.rivendo.catalog.internal.ProductFamilyRepository;
import it.rivendo.catalog.internal.ProductRepository;
import it.rivendo.catalog.internal.ResellerTier;
import it.rivendo.catalog.internal.ResellerTierRepository;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the catalog and to discounts: used by staff pages, demo data and tests. */
@Service
@Transactional
public class CatalogManagement {

	private final ProductFamilyRepository families;

	private final ProductRepository products;

	private final DiscountTierRepository tiers;

	private final DiscountOverrideRepository overrides;

	private final ResellerTierRepository resellerTiers;

	private final Clock clock;

	private final AuditTrail audit;

	CatalogManagement(ProductFamilyRepository families, ProductRepository products, DiscountTierRepository tiers,
			DiscountOverrideRepository overrides, ResellerTierRepository resellerTiers, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.families = families;
		this.products = products;
		this.tiers = tiers;
		this.overrides = overrides;
		this.resellerTiers = resellerTiers;
		this.clock = clock;
	}

	public long addFamily(String code, LocalizedText name, int sortOrder) {
		return families.save(new ProductFamily(code, name, sortOrder)).id();
	}

	public long addProduct(NewProduct request) {
		ProductFamily family = families.findByCode(request.familyCode())
			.orElseThrow(() -> new NotFoundException("family " + request.familyCode()));
		Product product = new Product(request.code(), family, request.name(), request.description(),
				request.instructions(), request.vatRate(), request.sortOrder());
		request.prices().forEach(product::priceFor);
		product.lasts(request.term());
		product.renewsAt(request.renewalPrice());
		return products.save(product).id();
	}

	public void setListPrice(String productCode, IdentificationMode mode, Money listPrice) {
		product(productCode).priceFor(mode, listPrice);
	}

	public void setTerm(String productCode, ServiceTerm term) {
		product(productCode).lasts(term);
	}

	/**
	 * What renewing a service of the product costs before discounts, whatever its mode;
	 * null: the purchase price of the service's mode. Only for a product with a term.
	 */
	public void setRenewalPrice(String productCode, Money renewalPrice) {
		product(productCode).renewsAt(renewalPrice);
	}

	public void withdraw(String productCode) {
		product(productCode).withdraw();
	}

	public long addTier(String code, LocalizedText name, BigDecimal percent, int sortOrder) {
		return tiers.save(new DiscountTier(code, name, percent, sortOrder)).id();
	}

	public void placeInTier(long resellerId, String tierCode, boolean pinned, String reason) {
		DiscountTier tier = tier(tierCode);
		ResellerTier assigned = resellerTiers.findById(resellerId)
			.orElseGet(() -> resellerTiers.save(new ResellerTier(resellerId, tier, clock.instant())));
		assigned.moveTo(tier, clock.instant(), pinned, reason);
		resellerTiers.flush(); // the tier rules read reseller_tier with SQL in the same
								// transaction
	}

	public void overrideForTier(String tierCode, String productCode, BigDecimal percent) {
		overrides.save(DiscountOverride.forTier(tier(tierCode).id(), product(productCode).id(), percent));
	}

	public void overrideForReseller(long resellerId, String productCode, BigDecimal percent) {
		overrides.save(DiscountOverride.forReseller(resellerId, product(productCode).id(), percent));
	}

	// Staff pages: every change below is written to the audit trail with the values
	// before and after.

	@Transactional(readOnly = true)
	public List<ProductEntry> allProducts() {
		return products.findAllForStaff().stream().map(CatalogManagement::entry).toList();
	}

	@Transactional(readOnly = true)
	public ProductEntry product(long id) {
		return entry(productWithPrices(id));
	}

	/**
	 * Creates ({@code id == null}) or changes a product.
	 * @throws CatalogConflictException when the code is another product's
	 */
	public long saveProduct(Long id, NewProduct draft, String actor) {
		products.findByCode(draft.code()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
			throw new CatalogConflictException("code", "admin.catalog.codeTaken");
		});
		ProductFamily family = families.findByCode(draft.familyCode())
			.orElseThrow(() -> new CatalogConflictException("familyCode", "admin.catalog.familyUnknown"));
		if (id == null) {
			long created = addProduct(draft);
			record(actor, "CATALOG_PRODUCT_CREATED", "product-" + created,
					Changes.between(Map.of(), snapshot(productWithPrices(created))));
			return created;
		}
		Product product = productWithPrices(id);
		Map<String, String> before = snapshot(product);
		product.update(draft.code(), family, draft.name(), draft.description(), draft.instructions(), draft.vatRate(),
				draft.sortOrder(), draft.prices(), draft.term(), draft.renewalPrice());
		record(actor, "CATALOG_PRODUCT_CHANGED", "product-" + id, Changes.between(before, snapshot(product)));
		return id;
	}

	/**
	 * Off sale: gone from the catalog and menu; orders, services and carts that hold it
	 * keep working.
	 */
	public void withdraw(long id, String actor) {
		Product product = productWithPrices(id);
		if (product.active()) {
			product.withdraw();
			record(actor, "CATALOG_PRODUCT_WITHDRAWN", "product-" + id + " " + product.code(),
					"active: \"true\" → \"false\"");
		}
	}

	public void restore(long id, String actor) {
		Product product = productWithPrices(id);
		if (!product.active()) {
			product.restore();
			record(actor, "CATALOG_PRODUCT_RESTORED", "product-" + id + " " + product.code(),
					"active: \"false\" → \"true\"");
		}
	}

	@Transactional(readOnly = true)
	public List<FamilyEntry> families() {
		return families.findAllByOrderBySortOrderAscCodeAsc().stream().map(CatalogManagement::entry).toList();
	}

	@Transactional(readOnly = true)
	public FamilyEntry family(long id) {
		return entry(familyById(id));
	}

	/**
	 * @throws CatalogConflictException when the code is another family's
	 */
	public long saveFamily(Long id, String code, LocalizedText name, int sortOrder, String actor) {
		families.findByCode(code).filter(other -> !other.id().equals(id)).ifPresent(other -> {
			throw new CatalogConflictException("code", "admin.catalog.codeTaken");
		});
		if (id == null) {
			ProductFamily family = families.save(new ProductFamily(code, name, sortOrder));
			record(actor, "CATALOG_FAMILY_CREATED", "family-" + family.id(),
					Changes.between(Map.of(), snapshot(family)));
			return family.id();
		}
		ProductFamily family = familyById(id);
		Map<String, String> before = snapshot(family);
		family.update(code, name, sortOrder);
		record(actor, "CATALOG_FAMILY_CHANGED", "family-" + id, Changes.between(before, snapshot(family)));
		return id;
	}

	@Transactional(readOnly = true)
	public List<TierEntry> tiers() {
		return tiers.findAllByOrderBySortOrderAscPercentAsc().stream().map(CatalogManagement::entry).toList();
	}

	@Transactional(readOnly = true)
	public TierEntry tier(long id) {
		return entry(tierById(id));
	}

	/**
	 * @throws CatalogConflictException when the code is another tier's
	 */
	public long saveTier(Long id, String code, LocalizedText name, BigDecimal percent, int sortOrder, String actor) {
		tiers.findByCode(code).filter(other -> !other.id().equals(id)).ifPresent(other -> {
			throw new CatalogConflictException("code", "admin.catalog.codeTaken");
		});
		if (id == null) {
			DiscountTier tier = tiers.save(new DiscountTier(code, name, percent, sortOrder));
			record(actor, "DISCOUNT_TIER_CREATED", "tier-" + tier.id(), Changes.between(Map.of(), snapshot(tier)));
			return tier.id();
		}
		DiscountTier tier = tierById(id);
		Map<String, String> before = snapshot(tier);
		tier.update(code, name, percent, sortOrder);
		record(actor, "DISCOUNT_TIER_CHANGED", "tier-" + id, Changes.between(before, snapshot(tier)));
		return id;
	}

	/** A product's per-tier and per-reseller exceptions to the tier percentages. */
	@Transactional(readOnly = true)
	public List<OverrideEntry> overridesOf(long productId) {
		return overrides.findByProductIdOrderById(productId)
			.stream()
			.map(o -> new OverrideEntry(o.id(), o.productId(), o.tierId(), o.resellerId(), o.percent()))
			.toList();
	}

	/** Sets a tier's percentage on one product; {@code null} removes the exception. */
	public void setTierOverride(long productId, long tierId, BigDecimal percent, String actor) {
		productWithPrices(productId);
		tierById(tierId);
		setOverride(overrides.findByProductIdAndTierId(productId, tierId),
				() -> DiscountOverride.forTier(tierId, productId, percent), percent, actor,
				"product-" + productId + " tier-" + tierId);
	}

	/**
	 * Sets one reseller's percentage on one product; {@code null} removes the exception.
	 */
	public void setResellerOverride(long productId, long resellerId, BigDecimal percent, String actor) {
		productWithPrices(productId);
		setOverride(overrides.findByProductIdAndResellerId(productId, resellerId),
				() -> DiscountOverride.forReseller(resellerId, productId, percent), percent, actor,
				"product-" + productId + " reseller-" + resellerId);
	}

	private void setOverride(Optional<DiscountOverride> existing, Supplier<DiscountOverride> fresh, BigDecimal percent,
			String actor, String target) {
		String before = existing.map(o -> plain(o.percent())).orElse(null);
		if (percent == null) {
			existing.ifPresent(overrides::delete);
		}
		else if (existing.isPresent()) {
			existing.get().changePercent(percent);
		}
		else {
			overrides.save(fresh.get());
		}
		String after = percent == null ? null : plain(percent);
		Map<String, String> old = new LinkedHashMap<>();
		old.put("percent", before);
		Map<String, String> now = new LinkedHashMap<>();
		now.put("percent", after);
		record(actor, "DISCOUNT_OVERRIDE_SET", target, Changes.between(old, now));
	}

	private void record(String actor, String action, String target, String detail) {
		audit.record(AuditRecord.of(actor, action, target, detail));
	}

	private Product productWithPrices(long id) {
		return products.findByIdWithPrices(id).orElseThrow(() -> new NotFoundException("product " + id));
	}

	private ProductFamily familyById(long id) {
		return families.findById(id).orElseThrow(() -> new NotFoundException("family " + id));
	}

	private DiscountTier tierById(long id) {
		return tiers.findById(id).orElseThrow(() -> new NotFoundException("tier " + id));
	}

	private static Map<String, String> snapshot(Product product) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("code", product.code());
		values.put("family", product.family().code());
		values.put("name.it", product.name().it());
		values.put("name.en", product.name().en());
		values.put("description.it", product.description().it());
		values.put("description.en", product.description().en());
		values.put("instructions.it", product.instructions().it());
		values.put("instructions.en", product.instructions().en());
		values.put("vatRate", plain(product.vatRate()));
		values.put("sortOrder", String.valueOf(product.sortOrder()));
		values.put("active", String.valueOf(product.active()));
		ServiceTerm term = product.term();
		if (term.expires()) {
			values.put("termMonths", String.valueOf(term.months()));
		}
		values.put("renewalOpensDays", String.valueOf(term.renewalOpensDays()));
		values.put("renewalGraceDays", String.valueOf(term.renewalGraceDays()));
		product.renewalPrice().ifPresent(price -> values.put("renewalPrice", price.toString()));
		product.prices().forEach((mode, price) -> values.put("price." + mode, price.toString()));
		return values;
	}

	private static Map<String, String> snapshot(ProductFamily family) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("code", family.code());
		values.put("name.it", family.name().it());
		values.put("name.en", family.name().en());
		values.put("sortOrder", String.valueOf(family.sortOrder()));
		return values;
	}

	private static Map<String, String> snapshot(DiscountTier tier) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("code", tier.code());
		values.put("name.it", tier.name().it());
		values.put("name.en", tier.name().en());
		values.put("percent", plain(tier.percent()));
		values.put("sortOrder", String.valueOf(tier.sortOrder()));
		return values;
	}

	/**
	 * Percentages as the database keeps them, two decimals, so that before and after
	 * compare alike.
	 */
	private static String plain(BigDecimal percent) {
		return percent.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	private static ProductEntry entry(Product p) {
		return new ProductEntry(p.id(), p.code(), p.family().code(), p.family().name(), p.name(), p.description(),
				p.instructions(), p.vatRate(), p.sortOrder(), p.active(), p.prices(), p.term(),
				p.renewalPrice().orElse(null));
	}

	private static FamilyEntry entry(ProductFamily f) {
		return new FamilyEntry(f.id(), f.code(), f.name(), f.sortOrder());
	}

	private static TierEntry entry(DiscountTier t) {
		return new TierEntry(t.id(), t.code(), t.name(), t.percent(), t.sortOrder());
	}

	private Product product(String code) {
		return products.findByCode(code).orElseThrow(() -> new NotFoundException("product " + code));
	}

	private DiscountTier tier(String code) {
		return tiers.findByCode(code).orElseThrow(() -> new NotFoundException("tier " + code));
	}

	/**
	 * A product as staff see it, withdrawn or not, with its list price per mode (a
	 * missing mode is not offered) and its renewal price (null: a renewal costs the
	 * purchase price of the service's mode).
	 */
	public record ProductEntry(long id, String code, String familyCode, LocalizedText familyName, LocalizedText name,
			LocalizedText description, LocalizedText instructions, BigDecimal vatRate, int sortOrder, boolean active,
			Map<IdentificationMode, Money> prices, ServiceTerm term, @Nullable Money renewalPrice) {
	}

	public record FamilyEntry(long id, String code, LocalizedText name, int sortOrder) {
	}

	public record TierEntry(long id, String code, LocalizedText name, BigDecimal percent, int sortOrder) {
	}

	/**
	 * An exception to the tier percentage on one product: for a tier or for one reseller.
	 */
	public record OverrideEntry(long id, long productId, Long tierId, Long resellerId, BigDecimal percent) {
	}

	/**
	 * A product to add (or, from staff pages, the new state of one), with its list price
	 * per identification mode, its term and its renewal price (null: a renewal costs the
	 * purchase price of the service's mode; only a product with a term has one).
	 */
	public record NewProduct(String code, String familyCode, LocalizedText name, LocalizedText description,
			LocalizedText instructions, BigDecimal vatRate, int sortOrder, Map<IdentificationMode, Money> prices,
			ServiceTerm term, @Nullable Money renewalPrice) {

		/** A product renewed at the purchase price of the service's mode. */
		public NewProduct(String code, String familyCode, LocalizedText name, LocalizedText description,
				LocalizedText instructions, BigDecimal vatRate, int sortOrder, Map<IdentificationMode, Money> prices,
				ServiceTerm term) {
			this(code, familyCode, name, description, instructions, vatRate, sortOrder, prices, term, null);
		}

		/** A product whose service does not expire (a consumable). */
		public NewProduct(String code, String familyCode, LocalizedText name, LocalizedText description,
				LocalizedText instructions, BigDecimal vatRate, int sortOrder, Map<IdentificationMode, Money> prices) {
			this(code, familyCode, name, description, instructions, vatRate, sortOrder, prices, ServiceTerm.NONE);
		}

	}

}

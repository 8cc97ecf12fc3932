package it.rivendo.catalog;

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
import java.time.Clock;
import java.util.Map;
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

	CatalogManagement(ProductFamilyRepository families, ProductRepository products, DiscountTierRepository tiers,
			DiscountOverrideRepository overrides, ResellerTierRepository resellerTiers, Clock clock) {
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
		return products.save(product).id();
	}

	public void setListPrice(String productCode, IdentificationMode mode, Money listPrice) {
		product(productCode).priceFor(mode, listPrice);
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
		resellerTiers.flush(); // the tier rules read reseller_tier with SQL in the same transaction
	}

	public void overrideForTier(String tierCode, String productCode, BigDecimal percent) {
		overrides.save(DiscountOverride.forTier(tier(tierCode).id(), product(productCode).id(), percent));
	}

	public void overrideForReseller(long resellerId, String productCode, BigDecimal percent) {
		overrides.save(DiscountOverride.forReseller(resellerId, product(productCode).id(), percent));
	}

	private Product product(String code) {
		return products.findByCode(code).orElseThrow(() -> new NotFoundException("product " + code));
	}

	private DiscountTier tier(String code) {
		return tiers.findByCode(code).orElseThrow(() -> new NotFoundException("tier " + code));
	}

	/** A product to add, with its list price per identification mode. */
	public record NewProduct(String code, String familyCode, LocalizedText name, LocalizedText description,
			LocalizedText instructions, BigDecimal vatRate, int sortOrder, Map<IdentificationMode, Money> prices) {
	}
}

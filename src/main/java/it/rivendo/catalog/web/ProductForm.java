package it.rivendo.catalog.web;

import it.rivendo.catalog.CatalogManagement.ProductEntry;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.shared.Money;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product as staff type it. The VAT rate and the prices are bound by the shop's number
 * formatter (comma or dot, at most two decimals): what does not read as a number comes
 * back as typed next to its message. A price left empty means the mode is not offered.
 */
public class ProductForm {

	static final String CODE = "[A-Z0-9][A-Z0-9_-]*";

	@NotBlank(message = "{validation.required}")
	@Size(max = 40, message = "{validation.tooLong}")
	@Pattern(regexp = CODE, message = "{admin.catalog.codeFormat}")
	private String code;

	@NotBlank(message = "{validation.required}")
	private String familyCode;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	private String nameIt;

	@NotBlank(message = "{validation.required}")
	@Size(max = 200, message = "{validation.tooLong}")
	private String nameEn;

	@NotBlank(message = "{validation.required}")
	@Size(max = 10000, message = "{validation.tooLong}")
	private String descriptionIt;

	@Size(max = 10000, message = "{validation.tooLong}")
	private String descriptionEn;

	@NotBlank(message = "{validation.required}")
	@Size(max = 10000, message = "{validation.tooLong}")
	private String instructionsIt;

	@Size(max = 10000, message = "{validation.tooLong}")
	private String instructionsEn;

	@NotNull(message = "{validation.required}")
	@DecimalMin(value = "0", message = "{admin.catalog.percentFormat}")
	@DecimalMax(value = "100", message = "{admin.catalog.percentFormat}")
	private BigDecimal vatRate = BigDecimal.valueOf(22);

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\d{1,6}", message = "{admin.catalog.sortOrderFormat}")
	private String sortOrder = "0";

	/** Empty for a product whose service does not expire (time stamps). */
	@Min(value = 1, message = "{admin.catalog.termFormat}")
	@Max(value = 120, message = "{admin.catalog.termFormat}")
	private Integer termMonths;

	@NotNull(message = "{validation.required}")
	@Min(value = 0, message = "{admin.catalog.windowFormat}")
	@Max(value = 365, message = "{admin.catalog.windowFormat}")
	private Integer renewalOpensDays = ServiceTerm.NONE.renewalOpensDays();

	@NotNull(message = "{validation.required}")
	@Min(value = 0, message = "{admin.catalog.windowFormat}")
	@Max(value = 365, message = "{admin.catalog.windowFormat}")
	private Integer renewalGraceDays = ServiceTerm.NONE.renewalGraceDays();

	/**
	 * What renewing a service costs before discounts, whatever its mode; empty: the
	 * purchase price of the service's mode. Only for a product with a term.
	 */
	private Money renewalPrice;

	/** By mode name; null where the mode is not offered. */
	private Map<String, Money> prices = new LinkedHashMap<>();

	public ProductForm() {
		for (IdentificationMode mode : IdentificationMode.values()) {
			prices.put(mode.name(), null);
		}
	}

	static ProductForm of(ProductEntry product) {
		ProductForm form = new ProductForm();
		form.code = product.code();
		form.familyCode = product.familyCode();
		form.nameIt = product.name().it();
		form.nameEn = product.name().en();
		form.descriptionIt = product.description().it();
		form.descriptionEn = product.description().en();
		form.instructionsIt = product.instructions().it();
		form.instructionsEn = product.instructions().en();
		form.vatRate = product.vatRate().stripTrailingZeros();
		form.sortOrder = String.valueOf(product.sortOrder());
		form.prices.putAll(ProductForm.byName(product.prices()));
		form.termMonths = product.term().months();
		form.renewalOpensDays = product.term().renewalOpensDays();
		form.renewalGraceDays = product.term().renewalGraceDays();
		form.renewalPrice = product.renewalPrice();
		return form;
	}

	/** Once valid. */
	ServiceTerm term() {
		return new ServiceTerm(termMonths, renewalOpensDays, renewalGraceDays);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
	}

	public String getFamilyCode() {
		return familyCode;
	}

	public void setFamilyCode(String familyCode) {
		this.familyCode = familyCode;
	}

	public String getNameIt() {
		return nameIt;
	}

	public void setNameIt(String nameIt) {
		this.nameIt = nameIt;
	}

	public String getNameEn() {
		return nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public String getDescriptionIt() {
		return descriptionIt;
	}

	public void setDescriptionIt(String descriptionIt) {
		this.descriptionIt = descriptionIt;
	}

	public String getDescriptionEn() {
		return descriptionEn;
	}

	public void setDescriptionEn(String descriptionEn) {
		this.descriptionEn = descriptionEn;
	}

	public String getInstructionsIt() {
		return instructionsIt;
	}

	public void setInstructionsIt(String instructionsIt) {
		this.instructionsIt = instructionsIt;
	}

	public String getInstructionsEn() {
		return instructionsEn;
	}

	public void setInstructionsEn(String instructionsEn) {
		this.instructionsEn = instructionsEn;
	}

	public BigDecimal getVatRate() {
		return vatRate;
	}

	public void setVatRate(BigDecimal vatRate) {
		this.vatRate = vatRate;
	}

	public String getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(String sortOrder) {
		this.sortOrder = sortOrder;
	}

	public Integer getTermMonths() {
		return termMonths;
	}

	public void setTermMonths(Integer termMonths) {
		this.termMonths = termMonths;
	}

	public Integer getRenewalOpensDays() {
		return renewalOpensDays;
	}

	public void setRenewalOpensDays(Integer renewalOpensDays) {
		this.renewalOpensDays = renewalOpensDays;
	}

	public Integer getRenewalGraceDays() {
		return renewalGraceDays;
	}

	public void setRenewalGraceDays(Integer renewalGraceDays) {
		this.renewalGraceDays = renewalGraceDays;
	}

	public Money getRenewalPrice() {
		return renewalPrice;
	}

	public void setRenewalPrice(Money renewalPrice) {
		this.renewalPrice = renewalPrice;
	}

	public Map<String, Money> getPrices() {
		return prices;
	}

	public void setPrices(Map<String, Money> prices) {
		this.prices = prices;
	}

	private static Map<String, Money> byName(Map<IdentificationMode, Money> prices) {
		Map<String, Money> named = new LinkedHashMap<>();
		prices.forEach((mode, price) -> named.put(mode.name(), price));
		return named;
	}

}

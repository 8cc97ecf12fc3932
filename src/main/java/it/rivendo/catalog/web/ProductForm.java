package it.rivendo.catalog.web;

import it.rivendo.catalog.CatalogManagement.ProductEntry;
import it.rivendo.catalog.IdentificationMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A product as staff type it. Numbers stay text until the controller reads them, so what was typed comes back
 * unchanged next to its message. A price left empty means the mode is not offered.
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

	@NotBlank(message = "{validation.required}")
	private String vatRate = "22";

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\d{1,6}", message = "{admin.catalog.sortOrderFormat}")
	private String sortOrder = "0";

	private Map<String, String> prices = new LinkedHashMap<>();

	public ProductForm() {
		for (IdentificationMode mode : IdentificationMode.values()) {
			prices.put(mode.name(), "");
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
		form.vatRate = product.vatRate().stripTrailingZeros().toPlainString();
		form.sortOrder = String.valueOf(product.sortOrder());
		product.prices().forEach((mode, price) -> form.prices.put(mode.name(), price.toString()));
		return form;
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

	public String getVatRate() {
		return vatRate;
	}

	public void setVatRate(String vatRate) {
		this.vatRate = vatRate;
	}

	public String getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(String sortOrder) {
		this.sortOrder = sortOrder;
	}

	public Map<String, String> getPrices() {
		return prices;
	}

	public void setPrices(Map<String, String> prices) {
		this.prices = prices;
	}
}

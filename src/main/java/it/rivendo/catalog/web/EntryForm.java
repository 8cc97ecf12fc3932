package it.rivendo.catalog.web;

import it.rivendo.catalog.CatalogManagement.FamilyEntry;
import it.rivendo.catalog.CatalogManagement.TierEntry;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A product family or a discount tier: code, Italian and English name, order; a tier also
 * has its percentage.
 */
public class EntryForm {

	@NotBlank(message = "{validation.required}")
	@Size(max = 20, message = "{validation.tooLong}")
	@Pattern(regexp = ProductForm.CODE, message = "{admin.catalog.codeFormat}")
	private String code;

	@NotBlank(message = "{validation.required}")
	@Size(max = 60, message = "{validation.tooLong}")
	private String nameIt;

	@NotBlank(message = "{validation.required}")
	@Size(max = 60, message = "{validation.tooLong}")
	private String nameEn;

	@NotBlank(message = "{validation.required}")
	@Pattern(regexp = "\\d{1,6}", message = "{admin.catalog.sortOrderFormat}")
	private String sortOrder = "0";

	/** Only for tiers: bound by the shop's number formatter, at most two decimals. */
	@DecimalMin(value = "0", message = "{admin.catalog.percentFormat}")
	@DecimalMax(value = "100", message = "{admin.catalog.percentFormat}")
	private BigDecimal percent;

	static EntryForm of(FamilyEntry family) {
		EntryForm form = new EntryForm();
		form.code = family.code();
		form.nameIt = family.name().it();
		form.nameEn = family.name().en();
		form.sortOrder = String.valueOf(family.sortOrder());
		return form;
	}

	static EntryForm of(TierEntry tier) {
		EntryForm form = new EntryForm();
		form.code = tier.code();
		form.nameIt = tier.name().it();
		form.nameEn = tier.name().en();
		form.sortOrder = String.valueOf(tier.sortOrder());
		form.percent = tier.percent().stripTrailingZeros();
		return form;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
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

	public String getSortOrder() {
		return sortOrder;
	}

	public void setSortOrder(String sortOrder) {
		this.sortOrder = sortOrder;
	}

	public BigDecimal getPercent() {
		return percent;
	}

	public void setPercent(BigDecimal percent) {
		this.percent = percent;
	}

}

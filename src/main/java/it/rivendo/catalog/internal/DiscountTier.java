package it.rivendo.catalog.internal;

import it.rivendo.shared.LocalizedText;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "discount_tier")
public class DiscountTier {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String nameIt;

	private String nameEn;

	private BigDecimal percent;

	private int sortOrder;

	protected DiscountTier() {
	}

	public DiscountTier(String code, LocalizedText name, BigDecimal percent, int sortOrder) {
		this.code = code;
		this.nameIt = name.it();
		this.nameEn = name.en();
		this.percent = percent;
		this.sortOrder = sortOrder;
	}

	public void update(String newCode, LocalizedText name, BigDecimal newPercent, int newSortOrder) {
		this.code = newCode;
		this.nameIt = name.it();
		this.nameEn = name.en();
		this.percent = newPercent;
		this.sortOrder = newSortOrder;
	}

	public int sortOrder() {
		return sortOrder;
	}

	public Long id() {
		return id;
	}

	public String code() {
		return code;
	}

	public LocalizedText name() {
		return new LocalizedText(nameIt, nameEn);
	}

	public BigDecimal percent() {
		return percent;
	}

}

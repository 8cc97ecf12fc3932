package it.rivendo.catalog.internal;

import it.rivendo.shared.LocalizedText;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product_family")
public class ProductFamily {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	private String nameIt;

	private String nameEn;

	private int sortOrder;

	protected ProductFamily() {
	}

	public ProductFamily(String code, LocalizedText name, int sortOrder) {
		this.code = code;
		this.nameIt = name.it();
		this.nameEn = name.en();
		this.sortOrder = sortOrder;
	}

	public void update(String newCode, LocalizedText name, int newSortOrder) {
		this.code = newCode;
		this.nameIt = name.it();
		this.nameEn = name.en();
		this.sortOrder = newSortOrder;
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

	public int sortOrder() {
		return sortOrder;
	}

}

package it.rivendo.catalog.internal;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

@Entity
@Table(name = "product")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String code;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "family_id")
	private ProductFamily family;

	private String nameIt;

	private String nameEn;

	private String descriptionIt;

	private String descriptionEn;

	private String instructionsIt;

	private String instructionsEn;

	private BigDecimal vatRate;

	private boolean active = true;

	private int sortOrder;

	private Integer termMonths;

	private int renewalOpensDays = ServiceTerm.NONE.renewalOpensDays();

	private int renewalGraceDays = ServiceTerm.NONE.renewalGraceDays();

	/** Null: a renewal costs the purchase price of the service's mode. */
	private Money renewalPrice;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "product_price", joinColumns = @JoinColumn(name = "product_id"))
	@MapKeyColumn(name = "mode")
	@MapKeyEnumerated(EnumType.STRING)
	@Column(name = "list_price")
	private Map<IdentificationMode, Money> prices = new EnumMap<>(IdentificationMode.class);

	protected Product() {
	}

	public Product(String code, ProductFamily family, LocalizedText name, LocalizedText description,
			LocalizedText instructions, BigDecimal vatRate, int sortOrder) {
		describe(code, family, name, description, instructions, vatRate, sortOrder);
	}

	private void describe(String newCode, ProductFamily newFamily, LocalizedText name, LocalizedText description,
			LocalizedText instructions, BigDecimal newVatRate, int newSortOrder) {
		this.code = newCode;
		this.family = newFamily;
		this.nameIt = name.it();
		this.nameEn = name.en();
		this.descriptionIt = description.it();
		this.descriptionEn = description.en();
		this.instructionsIt = instructions.it();
		this.instructionsEn = instructions.en();
		this.vatRate = newVatRate;
		this.sortOrder = newSortOrder;
	}

	public Product priceFor(IdentificationMode mode, Money listPrice) {
		if (listPrice.isNegative()) {
			throw new IllegalArgumentException("A list price cannot be negative");
		}
		prices.put(mode, listPrice);
		return this;
	}

	public Optional<Money> listPrice(IdentificationMode mode) {
		return Optional.ofNullable(prices.get(mode));
	}

	/** The modes this product allows, in the order the shop presents them. */
	public Map<IdentificationMode, Money> prices() {
		Map<IdentificationMode, Money> ordered = new EnumMap<>(IdentificationMode.class);
		ordered.putAll(prices);
		return ordered;
	}

	/** How long its service lasts once activated, and its renewal window. */
	public void lasts(ServiceTerm term) {
		lasts(term, renewalPrice);
	}

	/**
	 * What renewing one of its services costs before the reseller's discount, whatever
	 * the mode; null: the purchase price of the service's mode.
	 * @throws IllegalArgumentException when the price is negative or the product has no
	 * term
	 */
	public void renewsAt(Money price) {
		lasts(term(), price);
	}

	private void lasts(ServiceTerm term, Money price) {
		if (price != null && price.isNegative()) {
			throw new IllegalArgumentException("A renewal price cannot be negative");
		}
		if (price != null && !term.expires()) {
			throw new IllegalArgumentException("A product without a term is not renewed: no renewal price");
		}
		this.termMonths = term.months();
		this.renewalOpensDays = term.renewalOpensDays();
		this.renewalGraceDays = term.renewalGraceDays();
		this.renewalPrice = price;
	}

	/** Its own renewal price, or empty when a renewal costs the purchase price. */
	public Optional<Money> renewalPrice() {
		return Optional.ofNullable(renewalPrice);
	}

	/**
	 * The list price of renewing a service identified in {@code mode}: the renewal price,
	 * or else the mode's purchase price; empty when the mode is not offered.
	 */
	public Optional<Money> renewalListPrice(IdentificationMode mode) {
		return listPrice(mode).map(purchase -> renewalPrice == null ? purchase : renewalPrice);
	}

	public ServiceTerm term() {
		return new ServiceTerm(termMonths, renewalOpensDays, renewalGraceDays);
	}

	public void withdraw() {
		this.active = false;
	}

	/** Back on sale after a withdrawal. */
	public void restore() {
		this.active = true;
	}

	/**
	 * Staff's edit: everything but the id; a mode missing from {@code newPrices} is no
	 * longer offered.
	 */
	public void update(String newCode, ProductFamily newFamily, LocalizedText name, LocalizedText description,
			LocalizedText instructions, BigDecimal newVatRate, int newSortOrder,
			Map<IdentificationMode, Money> newPrices, ServiceTerm newTerm, Money newRenewalPrice) {
		describe(newCode, newFamily, name, description, instructions, newVatRate, newSortOrder);
		lasts(newTerm, newRenewalPrice);
		prices.keySet().retainAll(newPrices.keySet());
		newPrices.forEach(this::priceFor);
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

	public ProductFamily family() {
		return family;
	}

	public LocalizedText name() {
		return new LocalizedText(nameIt, nameEn);
	}

	public LocalizedText description() {
		return new LocalizedText(descriptionIt, descriptionEn);
	}

	public LocalizedText instructions() {
		return new LocalizedText(instructionsIt, instructionsEn);
	}

	public BigDecimal vatRate() {
		return vatRate;
	}

	public boolean active() {
		return active;
	}

}

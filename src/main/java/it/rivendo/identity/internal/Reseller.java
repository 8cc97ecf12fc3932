package it.rivendo.identity.internal;

import it.rivendo.identity.BillingAddress;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "reseller")
public class Reseller {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String companyName;

	private String vatNumber;

	private String taxCode;

	private String street;

	private String postalCode;

	private String city;

	private String province;

	private String country;

	private String sdiCode;

	private String pec;

	private String phone;

	private boolean enabled = true;

	protected Reseller() {
	}

	public Reseller(BillingAddress billing, String phone) {
		this.companyName = billing.companyName();
		this.vatNumber = billing.vatNumber();
		this.taxCode = billing.taxCode();
		this.street = billing.street();
		this.postalCode = billing.postalCode();
		this.city = billing.city();
		this.province = billing.province();
		this.country = billing.country();
		this.sdiCode = billing.sdiCode();
		this.pec = billing.pec();
		this.phone = phone;
	}

	public Long id() {
		return id;
	}

	public BillingAddress billing() {
		return new BillingAddress(companyName, vatNumber, taxCode, street, postalCode, city, province, country, sdiCode,
				pec);
	}

	public void enable(boolean enabled) {
		this.enabled = enabled;
	}

	public String phone() {
		return phone;
	}

	public boolean enabled() {
		return enabled;
	}

}

package it.rivendo.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The billing data of an invoice recipient as typed (in a form, or in a row of a file):
 * kept as strings so that whatever was typed comes back with the message next to the
 * field. The rules between fields (a company needs a Partita IVA, a person a codice
 * fiscale, an Italian address a CAP and a province, a company an SDI code or a PEC, a
 * public administration its office code and codice fiscale) are checked by {@link Rules}.
 * A public administration also gives whether split payment applies, the CIG and CUP when
 * the purchase has them and the reference (number, date) of its purchase order.
 */
@BillingData.Rules
public class BillingData {

	public static final String COMPANY = "COMPANY";

	public static final String PERSON = "PERSON";

	public static final String PUBLIC = "PUBLIC";

	private String customerType = COMPANY;

	@Size(max = 200, message = "{validation.tooLong}")
	private String companyName;

	@Size(max = 100, message = "{validation.tooLong}")
	private String firstName;

	@Size(max = 100, message = "{validation.tooLong}")
	private String lastName;

	@Size(max = 30, message = "{validation.tooLong}")
	private String vatNumber;

	@Size(max = 30, message = "{validation.tooLong}")
	private String taxCode;

	@Size(max = 200, message = "{validation.tooLong}")
	private String street;

	@Size(max = 10, message = "{validation.tooLong}")
	private String postalCode;

	@Size(max = 100, message = "{validation.tooLong}")
	private String city;

	private String province;

	private String country = "IT";

	private String sdiCode;

	@Email(message = "{validation.email}")
	@Size(max = 254, message = "{validation.tooLong}")
	private String pec;

	private boolean splitPayment;

	private String cig;

	private String cup;

	@Size(max = 20, message = "{validation.tooLong}")
	private String orderReference;

	private String orderDate;

	/** A company or a public administration: a body with a name, not a person. */
	public boolean isCompany() {
		return !PERSON.equals(customerType);
	}

	public boolean isPublic() {
		return PUBLIC.equals(customerType);
	}

	/**
	 * The purchase order's date as typed (ISO, as a date input sends it, or dd/mm/yyyy),
	 * or null when empty or not a date.
	 */
	public LocalDate orderDay() {
		String typed = blankToNull(orderDate);
		if (typed == null) {
			return null;
		}
		for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE,
				DateTimeFormatter.ofPattern("d/M/uuuu"))) {
			try {
				return LocalDate.parse(typed, format);
			}
			catch (DateTimeParseException ex) {
				// the next one
			}
		}
		return null;
	}

	public boolean isItalian() {
		return "IT".equals(upper(country));
	}

	public static String upper(String value) {
		return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
	}

	public static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public String getCustomerType() {
		return customerType;
	}

	public void setCustomerType(String customerType) {
		this.customerType = customerType;
	}

	public String getCompanyName() {
		return companyName;
	}

	public void setCompanyName(String companyName) {
		this.companyName = companyName;
	}

	public String getFirstName() {
		return firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getVatNumber() {
		return vatNumber;
	}

	public void setVatNumber(String vatNumber) {
		this.vatNumber = vatNumber;
	}

	public String getTaxCode() {
		return taxCode;
	}

	public void setTaxCode(String taxCode) {
		this.taxCode = taxCode;
	}

	public String getStreet() {
		return street;
	}

	public void setStreet(String street) {
		this.street = street;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getProvince() {
		return province;
	}

	public void setProvince(String province) {
		this.province = province;
	}

	public String getCountry() {
		return country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public String getSdiCode() {
		return sdiCode;
	}

	public void setSdiCode(String sdiCode) {
		this.sdiCode = sdiCode;
	}

	public String getPec() {
		return pec;
	}

	public void setPec(String pec) {
		this.pec = pec;
	}

	public boolean isSplitPayment() {
		return splitPayment;
	}

	public void setSplitPayment(boolean splitPayment) {
		this.splitPayment = splitPayment;
	}

	public String getCig() {
		return cig;
	}

	public void setCig(String cig) {
		this.cig = cig;
	}

	public String getCup() {
		return cup;
	}

	public void setCup(String cup) {
		this.cup = cup;
	}

	public String getOrderReference() {
		return orderReference;
	}

	public void setOrderReference(String orderReference) {
		this.orderReference = orderReference;
	}

	public String getOrderDate() {
		return orderDate;
	}

	public void setOrderDate(String orderDate) {
		this.orderDate = orderDate;
	}

	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = RulesValidator.class)
	public @interface Rules {

		String message() default "{billing.invalid}";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	public static class RulesValidator implements ConstraintValidator<Rules, BillingData> {

		@Override
		public boolean isValid(BillingData form, ConstraintValidatorContext context) {
			Errors errors = new Errors(context);
			if (!COMPANY.equals(form.customerType) && !PERSON.equals(form.customerType)
					&& !PUBLIC.equals(form.customerType)) {
				errors.reject("customerType", "{billing.customerType.required}");
			}
			boolean italian = form.isItalian();
			if (form.isPublic()) {
				publicAdministration(form, errors);
			}
			else if (form.isCompany()) {
				errors.require("companyName", form.companyName);
				if (italian) {
					if (errors.require("vatNumber", form.vatNumber) && !ItalianCodes.isPartitaIva(form.vatNumber)) {
						errors.reject("vatNumber", "{validation.partitaIva}");
					}
					if (!isBlank(form.taxCode) && !ItalianCodes.isCodiceFiscale(form.taxCode)) {
						errors.reject("taxCode", "{validation.codiceFiscale}");
					}
				}
				else {
					errors.require("vatNumber", form.vatNumber);
				}
			}
			else {
				errors.require("firstName", form.firstName);
				errors.require("lastName", form.lastName);
				if (italian && errors.require("taxCode", form.taxCode)
						&& !ItalianCodes.isPersonCodiceFiscale(form.taxCode)) {
					errors.reject("taxCode", "{validation.personCodiceFiscale}");
				}
			}
			errors.require("street", form.street);
			errors.require("city", form.city);
			if (!upper(form.country).matches("[A-Z]{2}")) {
				errors.reject("country", "{validation.country}");
			}
			if (italian) {
				if (errors.require("postalCode", form.postalCode) && !ItalianCodes.isCap(form.postalCode)) {
					errors.reject("postalCode", "{validation.cap}");
				}
				if (errors.require("province", form.province) && !ItalianCodes.isProvince(form.province)) {
					errors.reject("province", "{validation.province}");
				}
				if (!form.isPublic() && !isBlank(form.sdiCode) && !ItalianCodes.isCodiceDestinatario(form.sdiCode)) {
					errors.reject("sdiCode", "{validation.codiceDestinatario}");
				}
				if (form.isCompany() && !form.isPublic() && isBlank(form.sdiCode) && isBlank(form.pec)) {
					errors.reject("sdiCode", "{billing.recipient.required}");
				}
			}
			else {
				errors.require("postalCode", form.postalCode);
			}
			return errors.none();
		}

		/**
		 * A public administration: its name, its codice fiscale (11 digits), a Partita
		 * IVA only if it has one, an Italian address, its 6-character office code; CIG
		 * and CUP are optional, and with either of them (or an order date) the number of
		 * its purchase order is needed.
		 */
		private static void publicAdministration(BillingData form, Errors errors) {
			errors.require("companyName", form.companyName);
			if (errors.require("taxCode", form.taxCode) && !ItalianCodes.isBodyCodiceFiscale(form.taxCode)) {
				errors.reject("taxCode", "{validation.bodyCodiceFiscale}");
			}
			if (!isBlank(form.vatNumber) && !ItalianCodes.isPartitaIva(form.vatNumber)) {
				errors.reject("vatNumber", "{validation.partitaIva}");
			}
			if (!form.isItalian()) {
				errors.reject("country", "{billing.public.italian}");
			}
			if (errors.require("sdiCode", form.sdiCode) && !ItalianCodes.isCodiceUfficio(form.sdiCode)) {
				errors.reject("sdiCode", "{validation.codiceUfficio}");
			}
			if (!isBlank(form.cig) && !ItalianCodes.isCig(form.cig)) {
				errors.reject("cig", "{validation.cig}");
			}
			if (!isBlank(form.cup) && !ItalianCodes.isCup(form.cup)) {
				errors.reject("cup", "{validation.cup}");
			}
			if (!isBlank(form.orderDate) && form.orderDay() == null) {
				errors.reject("orderDate", "{validation.date}");
			}
			boolean referenced = !isBlank(form.cig) || !isBlank(form.cup) || !isBlank(form.orderDate);
			if (referenced && isBlank(form.orderReference)) {
				errors.reject("orderReference", "{billing.orderReference.required}");
			}
		}

		private static boolean isBlank(String value) {
			return value == null || value.isBlank();
		}

		/** Violations on named fields, so each message shows next to its input. */
		private static final class Errors {

			private final ConstraintValidatorContext context;

			private boolean any;

			Errors(ConstraintValidatorContext context) {
				this.context = context;
				context.disableDefaultConstraintViolation();
			}

			/**
			 * @return whether the value is present
			 */
			boolean require(String field, String value) {
				if (isBlank(value)) {
					reject(field, "{validation.required}");
					return false;
				}
				return true;
			}

			void reject(String field, String message) {
				context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
				any = true;
			}

			boolean none() {
				return !any;
			}

		}

	}

}

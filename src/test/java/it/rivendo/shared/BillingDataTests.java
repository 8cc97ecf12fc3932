package it.rivendo.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which field each bad input is reported on: one case per rule, with real valid and
 * invalid codes.
 */
public class BillingDataTests {

	static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	static Stream<Arguments> cases() {
		return Stream.of(Arguments.of("valid company", edit(f -> {
		}), Set.of()), Arguments.of("valid person", edit(BillingDataTests::person), Set.of()),
				Arguments.of("company with PEC only", edit(f -> {
					f.setSdiCode("");
					f.setPec("amministrazione@pec.it");
				}), Set.of()), Arguments.of("company without SDI nor PEC", edit(f -> {
					f.setSdiCode("");
					f.setPec("");
				}), Set.of("sdiCode")),
				Arguments.of("Partita IVA bad check digit", edit(f -> f.setVatNumber("00743110158")),
						Set.of("vatNumber")),
				Arguments.of("Partita IVA bad office code", edit(f -> f.setVatNumber("12345678903")),
						Set.of("vatNumber")),
				Arguments.of("Partita IVA missing", edit(f -> f.setVatNumber(" ")), Set.of("vatNumber")),
				Arguments.of("company tax code wrong", edit(f -> f.setTaxCode("RSSMRA85T10A562T")), Set.of("taxCode")),
				Arguments.of("company name missing", edit(f -> f.setCompanyName("")), Set.of("companyName")),
				Arguments.of("person without tax code", edit(f -> {
					person(f);
					f.setTaxCode("");
				}), Set.of("taxCode")), Arguments.of("person with company tax code", edit(f -> {
					person(f);
					f.setTaxCode("00743110157");
				}), Set.of("taxCode")), Arguments.of("person with omocodia", edit(f -> {
					person(f);
					f.setTaxCode("RSSMRA85T10A56NH");
				}), Set.of()), Arguments.of("person without names", edit(f -> {
					person(f);
					f.setFirstName("");
					f.setLastName(null);
				}), Set.of("firstName", "lastName")),
				Arguments.of("CAP of 4 digits", edit(f -> f.setPostalCode("2012")), Set.of("postalCode")),
				Arguments.of("unknown province", edit(f -> f.setProvince("XX")), Set.of("province")),
				Arguments.of("SDI code of 6", edit(f -> f.setSdiCode("UFXXXX")), Set.of("sdiCode")),
				Arguments.of("PEC not an e-mail", edit(f -> f.setPec("not-an-email")), Set.of("pec")),
				Arguments.of("address missing", edit(f -> {
					f.setStreet("");
					f.setCity("");
				}), Set.of("street", "city")), Arguments.of("foreign company", edit(f -> {
					f.setCountry("DE");
					f.setVatNumber("DE123456789");
					f.setPostalCode("10115");
					f.setProvince("");
					f.setSdiCode("");
				}), Set.of()), Arguments.of("bad country", edit(f -> f.setCountry("Italia")), Set.of("country")),
				Arguments.of("unknown customer type", edit(f -> f.setCustomerType("ALIEN")), Set.of("customerType")),
				Arguments.of("company name too long", edit(f -> f.setCompanyName("x".repeat(201))),
						Set.of("companyName")),
				Arguments.of("public administration", edit(BillingDataTests::publicBody), Set.of()),
				Arguments.of("public administration with CIG, CUP and order", edit(f -> {
					publicBody(f);
					f.setSplitPayment(true);
					f.setCig("Z1A2B3C4D5");
					f.setCup("J51B12000170007");
					f.setOrderReference("OA-2026/17");
					f.setOrderDate("2026-11-02");
				}), Set.of()), Arguments.of("public administration: office code of 7", edit(f -> {
					publicBody(f);
					f.setSdiCode("M5UXCR1");
				}), Set.of("sdiCode")), Arguments.of("public administration: no office code", edit(f -> {
					publicBody(f);
					f.setSdiCode("");
					f.setPec("protocollo@pec.comune.it");
				}), Set.of("sdiCode")), Arguments.of("public administration: a person's fiscal code", edit(f -> {
					publicBody(f);
					f.setTaxCode("RSSMRA85T10A562S");
				}), Set.of("taxCode")), Arguments.of("public administration: bad shapes", edit(f -> {
					publicBody(f);
					f.setCig("Z1A2B3C4D");
					f.setCup("123456789012345");
					f.setOrderDate("2 novembre");
					f.setOrderReference("OA-17");
				}), Set.of("cig", "cup", "orderDate")),
				Arguments.of("public administration: CIG without order", edit(f -> {
					publicBody(f);
					f.setCig("Z1A2B3C4D5");
				}), Set.of("orderReference")), Arguments.of("public administration abroad", edit(f -> {
					publicBody(f);
					f.setCountry("DE");
					f.setProvince("");
				}), Set.of("country")), Arguments.of("public administration with a bad Partita IVA", edit(f -> {
					publicBody(f);
					f.setVatNumber("00743110158");
				}), Set.of("vatNumber")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void reportsEachProblemOnItsField(String name, BillingData form, Set<String> expectedFields) {
		Set<ConstraintViolation<BillingData>> violations = VALIDATOR.validate(form);
		Set<String> fields = violations.stream()
			.map(violation -> violation.getPropertyPath().toString())
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(fields).as(name).isEqualTo(new TreeSet<>(expectedFields));
	}

	static BillingData edit(Consumer<BillingData> change) {
		BillingData form = aValidCompany(new BillingData());
		change.accept(form);
		return form;
	}

	/**
	 * Fills the form with the valid data of an Italian company (also for the forms that
	 * extend it).
	 */
	public static <F extends BillingData> F aValidCompany(F form) {
		form.setCustomerType(BillingData.COMPANY);
		form.setCompanyName("Studio Bianchi S.r.l.");
		form.setVatNumber("01114601006");
		form.setTaxCode("01114601006");
		form.setStreet("Via del Corso 12");
		form.setPostalCode("00186");
		form.setCity("Roma");
		form.setProvince("RM");
		form.setCountry("IT");
		form.setSdiCode("M5UXCR1");
		return form;
	}

	/** The data of a public administration: Comune, office code, no Partita IVA. */
	static void publicBody(BillingData form) {
		form.setCustomerType(BillingData.PUBLIC);
		form.setCompanyName("Comune di Milano");
		form.setVatNumber("");
		form.setTaxCode("01199250158");
		form.setSdiCode("UFABCD");
	}

	static void person(BillingData form) {
		form.setCustomerType(BillingData.PERSON);
		form.setCompanyName(null);
		form.setVatNumber(null);
		form.setFirstName("Mario");
		form.setLastName("Rossi");
		form.setTaxCode("RSSMRA85T10A562S");
		form.setSdiCode("");
	}

}

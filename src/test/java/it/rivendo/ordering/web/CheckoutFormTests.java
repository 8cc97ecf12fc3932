package it.rivendo.ordering.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CustomerType;
import it.rivendo.shared.BillingDataTests;
import org.junit.jupiter.api.Test;

/**
 * What the checkout form hands to the payment: the billing data normalised the way the
 * invoice needs them.
 */
class CheckoutFormTests {

	@Test
	void codesAreUpperCasedAndTrimmed() {
		CheckoutForm form = company();
		form.setTaxCode(" 01114601006 ");
		form.setProvince("rm");
		form.setSdiCode("m5uxcr1");
		BillingDetails details = form.toBillingDetails();
		assertThat(details.taxCode()).isEqualTo("01114601006");
		assertThat(details.province()).isEqualTo("RM");
		assertThat(details.sdiCode()).isEqualTo("M5UXCR1");
		assertThat(details.pec()).isNull();
	}

	@Test
	void aRecipientWithOnlyAPecGetsTheCodeOfSevenZeros() {
		CheckoutForm form = company();
		form.setSdiCode("");
		form.setPec("amministrazione@pec.it");
		assertThat(form.toBillingDetails().sdiCode()).isEqualTo(BillingDetails.PEC_ONLY_CODE);
	}

	@Test
	void aForeignRecipientGetsTheForeignCodeAndNoProvince() {
		CheckoutForm form = company();
		form.setCountry("de");
		form.setVatNumber("DE123456789");
		form.setPostalCode("10115");
		form.setProvince("");
		form.setSdiCode("");
		BillingDetails details = form.toBillingDetails();
		assertThat(details.country()).isEqualTo("DE");
		assertThat(details.sdiCode()).isEqualTo(BillingDetails.FOREIGN_CODE);
		assertThat(details.province()).isEqualTo("EE");
		assertThat(details.vatNumber()).isEqualTo("DE123456789");
	}

	@Test
	void aPersonKeepsNamesAndDropsCompanyFields() {
		CheckoutForm form = company();
		form.setCustomerType(CheckoutForm.PERSON);
		form.setFirstName(" Mario ");
		form.setLastName("Rossi");
		form.setTaxCode("rssmra85t10a562s");
		BillingDetails details = form.toBillingDetails();
		assertThat(details.customerType()).isEqualTo(CustomerType.PERSON);
		assertThat(details.companyName()).isNull();
		assertThat(details.vatNumber()).isNull();
		assertThat(details.taxCode()).isEqualTo("RSSMRA85T10A562S");
		assertThat(details.recipientName()).isEqualTo("Mario Rossi");
	}

	@Test
	void aFormPrefilledFromAnOrderGivesBackTheSameDetails() {
		BillingDetails saved = new BillingDetails(CustomerType.COMPANY, "Cliente S.r.l.", null, null, "01114601006",
				"01114601006", "Via Roma 1", "00186", "Roma", "RM", "IT", "M5UXCR1", null);
		assertThat(CheckoutForm.prefilledWith(saved).toBillingDetails()).isEqualTo(saved);
	}

	@Test
	void aPublicAdministrationKeepsItsOfficeCodeSplitPaymentAndPurchaseOrder() {
		CheckoutForm form = company();
		form.setCustomerType(CheckoutForm.PUBLIC);
		form.setCompanyName("Comune di Milano");
		form.setVatNumber("");
		form.setTaxCode("01199250158");
		form.setSdiCode("ufabcd");
		form.setSplitPayment(true);
		form.setCig("z1a2b3c4d5");
		form.setCup("J51B12000170007");
		form.setOrderReference(" OA-2026/17 ");
		form.setOrderDate("02/11/2026");
		BillingDetails details = form.toBillingDetails();
		assertThat(details.customerType()).isEqualTo(CustomerType.PUBLIC);
		assertThat(details.publicAdministration()).isTrue();
		assertThat(details.recipientName()).isEqualTo("Comune di Milano");
		assertThat(details.vatNumber()).isNull();
		assertThat(details.sdiCode()).isEqualTo("UFABCD");
		assertThat(details.splitPayment()).isTrue();
		assertThat(details.cig()).isEqualTo("Z1A2B3C4D5");
		assertThat(details.cup()).isEqualTo("J51B12000170007");
		assertThat(details.orderReference()).isEqualTo("OA-2026/17");
		assertThat(details.orderDate()).isEqualTo(java.time.LocalDate.of(2026, 11, 2));
	}

	@Test
	void aCompanyGetsNoneOfAPublicAdministrationsData() {
		CheckoutForm form = company();
		form.setSplitPayment(true);
		form.setCig("Z1A2B3C4D5");
		BillingDetails details = form.toBillingDetails();
		assertThat(details.splitPayment()).isFalse();
		assertThat(details.cig()).isNull();
	}

	static CheckoutForm company() {
		return BillingDataTests.aValidCompany(new CheckoutForm());
	}

}

package it.rivendo.invoicing;

import static it.rivendo.catalog.IdentificationMode.SPID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.credit.CreditLedger;
import it.rivendo.ordering.OrderCancellation;
import it.rivendo.shared.Refusal;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cancelling a paid order: refunded exactly once, services annulled, a credit note on its
 * own sequence.
 */
@IntegrationTest
class InvoiceCancellationIT {

	@Autowired
	TestShop shop;

	@Autowired
	OrderCancellation cancellation;

	@Autowired
	CreditLedger credit;

	@Autowired
	Invoices invoices;

	@Autowired
	JdbcClient jdbc;

	long reseller;

	String order;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", SPID, "39.00");
		reseller = shop.reseller("buyer@test.it", "BASE", "200.00");
		order = shop.buy(reseller, Purchases.COMPANY, "REMOTA", SPID, 2); // 78.00 + 17.16
																			// = 95.16
	}

	@Test
	void cancellingRefundsAnnulsTheServicesAndIssuesACreditNote() throws Exception {
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("104.84"));

		cancellation.cancel(order, "Cliente ha rinunciato", "staff@test.it");

		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("200.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
		assertThat(count("credit_entry where kind = 'REFUND' and reference = '" + order + "' and amount = 95.16"))
			.isEqualTo(1);
		assertThat(jdbc.sql("select status from purchase_order where number = ?")
			.param(order)
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
		assertThat(count("purchased_service where status = 'CANCELLED'")).isEqualTo(2);
		assertThat(count("purchased_service where status <> 'CANCELLED'")).isZero();
		assertThat(count("service_event where kind = 'ORDER_CANCELLED' and detail = 'Cliente ha rinunciato'"))
			.isEqualTo(2);

		DocumentSummary invoice = invoices.ofOrder(reseller, order, DocumentKind.INVOICE).orElseThrow();
		DocumentSummary note = invoices.ofOrder(reseller, order, DocumentKind.CREDIT_NOTE).orElseThrow();
		assertThat(note.number()).matches("NC-\\d{4}/000001");
		assertThat(note.total()).isEqualTo(invoice.total()).isEqualTo(Money.of("95.16"));
		assertThat(count("invoice_document d join invoice_document i on d.corrects_id = i.id "
				+ "where d.kind = 'CREDIT_NOTE' and i.number = '" + invoice.number() + "'"))
			.isEqualTo(1);
		assertThat(InvoiceDocumentsIT.pdfText(invoices.pdf(note.id()).content()))
			.contains("Nota di credito n. " + note.number())
			.contains("A storno della fattura n. " + invoice.number())
			.contains("Cliente ha rinunciato")
			.contains("95,16 €");
	}

	@Test
	void cancellingTwiceIsRefusedAndRefundsOnce() {
		cancellation.cancel(order, "Errore", "staff@test.it");

		assertThatThrownBy(() -> cancellation.cancel(order, "Ancora", "staff@test.it"))
			.isInstanceOfSatisfying(Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("order.cancel.notPaid"));

		assertThat(count("credit_entry where kind = 'REFUND'")).isEqualTo(1);
		assertThat(count("invoice_document where kind = 'CREDIT_NOTE'")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("200.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
	}

	@Test
	void fiveStaffCancellingAtOnceRefundOnce() throws Exception {
		List<Boolean> outcomes = Race.run(5, i -> {
			try {
				cancellation.cancel(order, "Doppio click " + i, "staff" + i + "@test.it");
				return true;
			}
			catch (Refusal ex) {
				return false;
			}
		});

		assertThat(outcomes).containsOnlyOnce(true);
		assertThat(count("credit_entry where kind = 'REFUND'")).isEqualTo(1);
		assertThat(count("invoice_document where kind = 'CREDIT_NOTE'")).isEqualTo(1);
		assertThat(credit.balanceOf(reseller)).isEqualTo(Money.of("200.00"));
		assertThat(credit.sumOfEntries(reseller)).isEqualTo(credit.balanceOf(reseller));
	}

	@Test
	void aReasonIsMandatory() {
		assertThatThrownBy(() -> cancellation.cancel(order, "  ", "staff@test.it")).isInstanceOfSatisfying(
				Refusal.class, ex -> assertThat(ex.messageKey()).isEqualTo("order.cancel.reasonRequired"));

		assertThat(count("credit_entry where kind = 'REFUND'")).isZero();
		assertThat(count("purchased_service where status = 'CANCELLED'")).isZero();
		assertThat(count("invoice_document where kind = 'CREDIT_NOTE'")).isZero();
	}

	@Test
	void anUnknownOrderIsNotFound() {
		assertThatThrownBy(() -> cancellation.cancel("1999-000001", "x", "staff@test.it"))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void creditNotesHaveTheirOwnSequence() {
		String second = shop.buy(reseller, Purchases.PERSON, "REMOTA", SPID, 1);
		cancellation.cancel(second, "Uno", "staff@test.it");
		cancellation.cancel(order, "Due", "staff@test.it");

		assertThat(jdbc.sql("select seq from invoice_document where kind = 'CREDIT_NOTE' order by seq")
			.query(Integer.class)
			.list()).containsExactly(1, 2);
		assertThat(jdbc.sql("select seq from invoice_document where kind = 'INVOICE' order by seq")
			.query(Integer.class)
			.list()).containsExactly(1, 2);
	}

	private int count(String from) {
		return jdbc.sql("select count(*) from " + from).query(Integer.class).single();
	}

}

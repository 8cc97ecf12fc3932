package it.rivendo.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.audit.AuditLine;
import it.rivendo.shared.Formats;
import it.rivendo.shared.LocalizedText;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The audit page's details in words: each shape the modules write, in Italian and
 * English, with amounts, dates, statuses and modes written as on the other pages.
 */
class AuditDetailsTests {

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aCreditMovementSaysAmountBalanceReferenceAndDescription() {
		assertThat(italian(credit("CREDIT_ADJUSTMENT",
				"amount: -20.50; balance: 150.00 → 129.50; reference: ADJ-1; Rettifica; per errore")))
			.containsExactly("Importo: -20,50 €", "Saldo: 150,00 € → 129,50 €", "Riferimento: ADJ-1",
					"Descrizione: Rettifica; per errore");
		assertThat(english(credit("CREDIT_PURCHASE", "amount: -42.82; balance: 150.00 → 107.18; Ordine R-1")))
			.containsExactly("Amount: -€42.82", "Balance: €150.00 → €107.18", "Description: Ordine R-1");
	}

	@Test
	void staffActionsAreSaidInWords() {
		assertThat(italian(audit("SUPPORT_ANSWERED", "status: OPEN → ANSWERED; answer: Fatto; a presto")))
			.containsExactly("Stato: Aperta → Risposta inviata", "Risposta: Fatto; a presto");
		assertThat(italian(audit("SERVICE_SUSPENDED", "until 2026-12-01; reason: verifica")))
			.containsExactly("Fino al: 01/12/2026", "Motivo: verifica");
		assertThat(italian(audit("TOPUP_REQUESTED", "BANK 50.00"))).containsExactly("Metodo: Bonifico bancario",
				"Importo: 50,00 €");
		assertThat(italian(audit("TOPUP_COMPLETED", "requested 50.00, credited 50.00, balance 200.00")))
			.containsExactly("Richiesto: 50,00 €", "Accreditato: 50,00 €", "Saldo dopo: 200,00 €");
		assertThat(italian(audit("CREDIT_ADJUSTED", "150.00 -> 130.00 (-20.00): errore di ricarica")))
			.containsExactly("Importo: -20,00 €", "Saldo: 150,00 € → 130,00 €", "Motivo: errore di ricarica");
		assertThat(italian(audit("TIER_PINNED", "BRONZE -> GOLD: accordo commerciale")))
			.containsExactly("Fascia: BRONZE → GOLD", "Motivo: accordo commerciale");
		assertThat(italian(audit("TIER_THRESHOLD", "min top-up 1000.00")))
			.containsExactly("Ricarica minima per la fascia: 1.000,00 €");
		assertThat(italian(audit("APPLICATION_APPROVED", "tier BRONZE, opening credit 0.00, reseller 4")))
			.containsExactly("Fascia: BRONZE", "Credito iniziale: 0,00 €", "Rivenditore n.: 4");
		assertThat(italian(audit("EXPORT_ORDERS", "12 rows"))).containsExactly("Righe esportate: 12");
		assertThat(italian(audit("HANDOFF_REFUSED", "account not allowed: a@b.it")))
			.containsExactly("Motivo: Account non abilitato", "Account: a@b.it");
		assertThat(english(audit("APPLICATION_REPEATED", "the address has an account")))
			.containsExactly("Reason: The address has an account already");
	}

	@Test
	void anIdentificationNamesCustomerModeProductOrderAndWhy() {
		assertThat(italian(audit("IDENTIFICATION_REFUSED",
				"Laura Bianchi BNCLRA70A41H501B <laura@example.it>, CIE, FIRMA-REMOTA-1A, order R-2026-1; "
						+ "reason: foto sfocata")))
			.containsExactly("Cliente: Laura Bianchi BNCLRA70A41H501B <laura@example.it>",
					"Riconoscimento: CIE (Carta d'Identità Elettronica)", "Prodotto: FIRMA-REMOTA-1A",
					"Ordine: R-2026-1", "Motivo: foto sfocata");
		assertThat(english(audit("IDENTIFICATION_CONFIRMED",
				"Laura Bianchi BNCLRA70A41H501B <laura@example.it>, SPID, REMOTA, order R-1; provider reference P-9")))
			.contains("Identification: SPID", "Provider's reference: P-9");
	}

	@Test
	void catalogChangesSayEachFieldBeforeAndAfter() {
		assertThat(italian(audit("CATALOG_PRODUCT_CHANGED",
				"name.it: \"Firma\" → \"Firma remota\"; vatRate: \"22.00\" → \"10\"; active: \"true\" → \"false\"; "
						+ "price.SPID: \"39.00\" → \"41.10\"; price.CIE: \"45.00\" → —")))
			.containsExactly("Nome (italiano): Firma → Firma remota", "Aliquota IVA: 22% → 10%", "In vendita: Sì → No",
					"Prezzo di listino, SPID: 39,00 € → 41,10 €",
					"Prezzo di listino, CIE (Carta d'Identità Elettronica): 45,00 € → —");
		assertThat(english(audit("DISCOUNT_OVERRIDE_SET", "percent: — → \"40.25\"")))
			.containsExactly("Discount: — → 40.25%");
		assertThat(italian(audit("CATALOG_FAMILY_CHANGED", "no changes"))).containsExactly("Nessuna modifica");
	}

	@Test
	void tiersAreSaidByTheirNamesInTheReadersLanguage() {
		Map<String, LocalizedText> names = Map.of("BRONZE", new LocalizedText("Bronzo", "Bronze"), "GOLD",
				new LocalizedText("Oro", "Gold"));
		assertThat(said(audit("TIER_PINNED", "BRONZE -> GOLD: accordo commerciale"), Locale.ITALIAN, names))
			.containsExactly("Fascia: Bronzo → Oro", "Motivo: accordo commerciale");
		assertThat(said(audit("APPLICATION_APPROVED", "tier GOLD, opening credit 0.00, reseller 4"), Locale.ENGLISH,
				names))
			.startsWith("Tier: Gold");
		// a tier the catalog no longer knows keeps its code
		assertThat(said(audit("TIER_PINNED", "SILVER -> GOLD: x"), Locale.ITALIAN, names))
			.startsWith("Fascia: SILVER → Oro");
	}

	@Test
	void aShapeNotKnownIsShownAsWritten() {
		assertThat(italian(audit("SOMETHING_NEW", "whatever: it says"))).containsExactly("whatever: it says");
		assertThat(italian(audit("TOPUP_REQUESTED", "PIGEON 50"))).containsExactly("PIGEON 50");
		assertThat(italian(audit("BULK", null))).isEmpty();
	}

	private static AuditLine audit(String action, String detail) {
		return new AuditLine("AUDIT", 1, Instant.EPOCH, "staff@test.it", action, null, detail);
	}

	private static AuditLine credit(String action, String detail) {
		return new AuditLine("CREDIT", 1, Instant.EPOCH, "staff@test.it", action, "reseller-2 Azienda", detail);
	}

	private static List<String> italian(AuditLine line) {
		return said(line, Locale.ITALIAN);
	}

	private static List<String> english(AuditLine line) {
		return said(line, Locale.ENGLISH);
	}

	/** Each item as "Label: value" (or the value), with no-break spaces as plain ones. */
	private static List<String> said(AuditLine line, Locale locale) {
		return said(line, locale, Map.of());
	}

	private static List<String> said(AuditLine line, Locale locale, Map<String, LocalizedText> tierNames) {
		LocaleContextHolder.setLocale(locale);
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/audit", "i18n/support", "i18n/catalog");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new AuditDetails(messages, new Formats(), tierNames).of(line)
			.stream()
			.map(item -> (item.label() == null ? "" : item.label() + ": ") + item.value())
			.map(text -> text.replace('\u00a0', ' ').replace('\u202f', ' '))
			.toList();
	}

}

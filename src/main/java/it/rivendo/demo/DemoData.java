package it.rivendo.demo;

import static it.rivendo.catalog.IdentificationMode.CIE;
import static it.rivendo.catalog.IdentificationMode.IN_PERSON;
import static it.rivendo.catalog.IdentificationMode.DIGITAL_SIGNATURE;
import static it.rivendo.catalog.IdentificationMode.NONE;
import static it.rivendo.catalog.IdentificationMode.SPID;
import static it.rivendo.catalog.IdentificationMode.VIDEO;

import it.rivendo.catalog.CatalogManagement;
import it.rivendo.catalog.CatalogManagement.NewProduct;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.EntryKind;
import it.rivendo.identity.BillingAddress;
import it.rivendo.identity.NewReseller;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.TeamRole;
import it.rivendo.shared.LocalizedText;
import it.rivendo.shared.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic catalog of an Italian trust service reseller shop, three resellers in three
 * discount tiers and one staff member. Every demo login has the password
 * {@value #PASSWORD}.
 */
@Component
public class DemoData {

	public static final String PASSWORD = "demo1234";

	public static final String BRONZE = "bronze@demo.rivendo.it";

	public static final String SILVER = "silver@demo.rivendo.it";

	public static final String GOLD = "gold@demo.rivendo.it";

	public static final String STAFF = "staff@demo.rivendo.it";

	/** An Operatore of silver's team, with a monthly limit of 100 euro. */
	public static final String OPERATOR = "operatore@demo.rivendo.it";

	/** A Contabile of silver's team. */
	public static final String ACCOUNTANT = "contabile@demo.rivendo.it";

	private static final BigDecimal VAT = new BigDecimal("22.00");

	private final CatalogManagement catalog;

	private final ResellerAccounts accounts;

	private final CreditLedger credit;

	private final JdbcClient jdbc;

	private final TierRules tierRules;

	DemoData(CatalogManagement catalog, ResellerAccounts accounts, CreditLedger credit, JdbcClient jdbc,
			TierRules tierRules) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.credit = credit;
		this.jdbc = jdbc;
		this.tierRules = tierRules;
	}

	/** Loads the demo data unless a catalog is there already. */
	@Transactional
	public void loadIfEmpty() {
		if (jdbc.sql("select count(*) from product").query(Long.class).single() > 0) {
			return;
		}
		tiers();
		products();
		terms();
		renewalPrices();
		reseller(BRONZE, "Studio Bronzi S.r.l.", "00743110157", "Via Roma 1", "20121", "Milano", "MI", "Bruna Bronzi",
				"BRONZE", "150.00");
		long silver = reseller(SILVER, "Argento Servizi Digitali S.n.c.", "01114601006", "Via del Corso 12", "00186",
				"Roma", "RM", "Silvio Argento", "SILVER", "1000.00");
		reseller(GOLD, "Oro Consulting S.p.A.", "09876540015", "Corso Francia 5", "10138", "Torino", "TO", "Gilda Oro",
				"GOLD", "5000.00");
		catalog.overrideForTier("GOLD", "FIRMA-SMARTCARD", new BigDecimal("15.00"));
		catalog.overrideForReseller(silver, "SPID-PERSONALE", new BigDecimal("25.00"));
		accounts.addTeamMember(silver, OPERATOR, "Olga Operatrice", TeamRole.OPERATOR, Money.of("100.00"), true,
				PASSWORD, "it");
		accounts.addTeamMember(silver, ACCOUNTANT, "Carlo Contabile", TeamRole.ACCOUNTANT, null, true, PASSWORD, "it");
		accounts.openStaff(STAFF, "Stefania Staff", PASSWORD);
	}

	private void tiers() {
		catalog.addTier("BASE", new LocalizedText("Base", "Base"), new BigDecimal("0.00"), 0);
		catalog.addTier("BRONZE", new LocalizedText("Bronzo", "Bronze"), new BigDecimal("10.00"), 1);
		catalog.addTier("SILVER", new LocalizedText("Argento", "Silver"), new BigDecimal("20.00"), 2);
		catalog.addTier("GOLD", new LocalizedText("Oro", "Gold"), new BigDecimal("30.00"), 3);
		// top-ups over 12 months that reach each tier
		tierRules.setThreshold("BRONZE", Money.of("100.00"), "demo");
		tierRules.setThreshold("SILVER", Money.of("1000.00"), "demo");
		tierRules.setThreshold("GOLD", Money.of("5000.00"), "demo");
	}

	private long reseller(String email, String company, String vatNumber, String street, String cap, String city,
			String province, String contact, String tier, String openingCredit) {
		long id = accounts.openReseller(new NewReseller(
				new BillingAddress(company, vatNumber, vatNumber, street, cap, city, province, "IT", "M5UXCR1", null),
				"+39 02 1234567", email, contact, PASSWORD, "it"));
		catalog.placeInTier(id, tier, false, "Demo");
		credit.credit(id, EntryKind.TOPUP, Money.of(openingCredit), "DEMO-" + tier, "Ricarica iniziale (demo)", "demo");
		return id;
	}

	private void products() {
		catalog.addFamily("FIRMA", new LocalizedText("Firma digitale", "Digital signature"), 1);
		catalog.addFamily("SPID", new LocalizedText("Identità digitale SPID", "SPID digital identity"), 2);
		catalog.addFamily("PEC", new LocalizedText("Posta elettronica certificata", "Certified e-mail (PEC)"), 3);
		catalog.addFamily("FATTURA", new LocalizedText("Fatturazione e conservazione", "E-invoicing and archiving"), 4);
		catalog.addFamily("MARCHE", new LocalizedText("Marche temporali", "Time stamps"), 5);

		String signInstructions = "Associa il servizio all'indirizzo e-mail del tuo cliente dall'Area Clienti: riceverà il link"
				+ " per completare i dati e il riconoscimento. Il certificato di firma viene emesso al termine del"
				+ " riconoscimento.";
		String signInstructionsEn = "Link the service to your customer's e-mail address from the customer area: they will"
				+ " receive the link to complete their data and identification. The signing certificate is issued once"
				+ " identification is complete.";
		product("FIRMA-REMOTA-1A", "FIRMA", "Firma Remota 1 anno", "Remote signature, 1 year",
				"Firma digitale qualificata da smartphone e PC, senza dispositivi fisici. Validità 1 anno.",
				"Qualified digital signature from smartphone and PC, no physical device. Valid for 1 year.",
				signInstructions, signInstructionsEn, 1,
				prices(SPID, "39.00", CIE, "39.00", DIGITAL_SIGNATURE, "35.00", VIDEO, "49.00", IN_PERSON, "44.00"));
		product("FIRMA-REMOTA-3A", "FIRMA", "Firma Remota 3 anni", "Remote signature, 3 years",
				"Firma digitale qualificata da smartphone e PC. Validità 3 anni.",
				"Qualified digital signature from smartphone and PC. Valid for 3 years.", signInstructions,
				signInstructionsEn, 2, prices(SPID, "89.00", CIE, "89.00", VIDEO, "99.00", IN_PERSON, "94.00"));
		product("FIRMA-SMARTCARD", "FIRMA", "Kit firma digitale smart card con lettore",
				"Signature smart card kit with reader",
				"Smart card con certificato di firma qualificata e lettore USB. Validità 3 anni.",
				"Smart card with qualified signing certificate and USB reader. Valid for 3 years.",
				signInstructions + " Il kit viene spedito all'indirizzo indicato dal cliente.",
				signInstructionsEn + " The kit is shipped to the address your customer gives.", 3,
				prices(IN_PERSON, "69.00", VIDEO, "79.00"));
		product("FIRMA-TOKEN-USB", "FIRMA", "Token USB firma digitale", "USB signature token",
				"Chiavetta USB con firma digitale qualificata e certificato CNS. Validità 3 anni.",
				"USB key with qualified digital signature and CNS certificate. Valid for 3 years.",
				signInstructions + " Il token viene spedito all'indirizzo indicato dal cliente.",
				signInstructionsEn + " The token is shipped to the address your customer gives.", 4,
				prices(IN_PERSON, "79.00", VIDEO, "89.00"));
		String spidInstructions = "Associa il servizio all'e-mail del tuo cliente: riceverà il link per scegliere le"
				+ " credenziali e completare il riconoscimento nella modalità acquistata.";
		String spidInstructionsEn = "Link the service to your customer's e-mail: they will receive the link to choose"
				+ " credentials and complete identification in the mode bought.";
		product("SPID-PERSONALE", "SPID", "SPID persona fisica", "SPID for individuals",
				"Identità digitale SPID per accedere ai servizi online della Pubblica Amministrazione.",
				"SPID digital identity to access the Public Administration's online services.", spidInstructions,
				spidInstructionsEn, 1,
				prices(CIE, "14.90", DIGITAL_SIGNATURE, "14.90", VIDEO, "24.90", IN_PERSON, "19.90"));
		product("SPID-PROFESSIONALE", "SPID", "SPID uso professionale", "SPID for professional use",
				"Identità digitale SPID per professionisti, con attributi professionali.",
				"SPID digital identity for professionals, with professional attributes.", spidInstructions,
				spidInstructionsEn, 2, prices(CIE, "29.90", DIGITAL_SIGNATURE, "29.90", VIDEO, "34.90"));
		String pecInstructions = "Associa il servizio all'e-mail del tuo cliente: riceverà il link per scegliere"
				+ " l'indirizzo PEC e confermare i dati del titolare.";
		String pecInstructionsEn = "Link the service to your customer's e-mail: they will receive the link to choose"
				+ " the PEC address and confirm the holder's data.";
		product("PEC-STANDARD-1A", "PEC", "PEC Standard 2 GB, 1 anno", "PEC Standard 2 GB, 1 year",
				"Casella di posta elettronica certificata da 2 GB, con valore legale di raccomandata A/R.",
				"2 GB certified e-mail box, legally equivalent to registered mail.", pecInstructions, pecInstructionsEn,
				1, prices(SPID, "25.00", CIE, "25.00", DIGITAL_SIGNATURE, "25.00"));
		product("PEC-PRO-1A", "PEC", "PEC Pro 5 GB, 1 anno", "PEC Pro 5 GB, 1 year",
				"Casella PEC da 5 GB con archivio di sicurezza e notifiche SMS.",
				"5 GB PEC box with security archive and SMS notifications.", pecInstructions, pecInstructionsEn, 2,
				prices(SPID, "45.00", CIE, "45.00", DIGITAL_SIGNATURE, "45.00"));
		product("PEC-STANDARD-3A", "PEC", "PEC Standard 2 GB, 3 anni", "PEC Standard 2 GB, 3 years",
				"Casella di posta elettronica certificata da 2 GB per 3 anni.",
				"2 GB certified e-mail box for 3 years.", pecInstructions, pecInstructionsEn, 3,
				prices(SPID, "65.00", CIE, "65.00", DIGITAL_SIGNATURE, "65.00"));
		String planInstructions = "Associa il servizio all'e-mail del tuo cliente: riceverà il link per attivare il"
				+ " piano sulla propria azienda.";
		String planInstructionsEn = "Link the service to your customer's e-mail: they will receive the link to"
				+ " activate the plan for their company.";
		product("FATTURA-START", "FATTURA", "Fatturazione elettronica Start, 1 anno", "E-invoicing Start, 1 year",
				"Emissione e ricezione fino a 300 fatture elettroniche l'anno, con conservazione a norma inclusa.",
				"Send and receive up to 300 e-invoices a year, with legal archiving included.", planInstructions,
				planInstructionsEn, 1, prices(NONE, "39.00"));
		product("FATTURA-PRO", "FATTURA", "Fatturazione elettronica Pro, 1 anno", "E-invoicing Pro, 1 year",
				"Fino a 1.000 fatture elettroniche l'anno, multi-utente, conservazione inclusa.",
				"Up to 1,000 e-invoices a year, multi-user, archiving included.", planInstructions, planInstructionsEn,
				2, prices(NONE, "89.00"));
		product("CONSERVAZIONE-1GB", "FATTURA", "Conservazione digitale a norma 1 GB, 1 anno",
				"Legal digital archiving 1 GB, 1 year",
				"Conservazione sostitutiva a norma di documenti informatici, 1 GB per un anno.",
				"Legally compliant archiving of digital documents, 1 GB for one year.", planInstructions,
				planInstructionsEn, 3, prices(NONE, "59.00"));
		String stampInstructions = "Associa il pacchetto all'e-mail del tuo cliente: riceverà le credenziali per"
				+ " usare le marche temporali.";
		String stampInstructionsEn = "Link the pack to your customer's e-mail: they will receive the credentials to"
				+ " use the time stamps.";
		product("MARCHE-50", "MARCHE", "Pacchetto 50 marche temporali", "Pack of 50 time stamps",
				"50 marche temporali qualificate, utilizzabili in 2 anni.",
				"50 qualified time stamps, usable within 2" + " years.", stampInstructions, stampInstructionsEn, 1,
				prices(NONE, "24.00"));
		product("MARCHE-500", "MARCHE", "Pacchetto 500 marche temporali", "Pack of 500 time stamps",
				"500 marche temporali qualificate, utilizzabili in 2 anni.",
				"500 qualified time stamps, usable within 2 years.", stampInstructions, stampInstructionsEn, 2,
				prices(NONE, "180.00"));
	}

	/**
	 * What V60 gives the same products: a year for PEC, signature, SPID and e-invoicing,
	 * three for the 3-year products and the signature devices, nothing for time stamps;
	 * renewal from 90 days before, after expiry only for PEC and e-invoicing (30 days).
	 */
	private void terms() {
		Map<String, ServiceTerm> terms = new LinkedHashMap<>();
		for (String code : List.of("FIRMA-REMOTA-1A", "SPID-PERSONALE", "SPID-PROFESSIONALE")) {
			terms.put(code, ServiceTerm.months(12, 90, 0));
		}
		for (String code : List.of("FIRMA-REMOTA-3A", "FIRMA-SMARTCARD", "FIRMA-TOKEN-USB")) {
			terms.put(code, ServiceTerm.months(36, 90, 0));
		}
		for (String code : List.of("PEC-STANDARD-1A", "PEC-PRO-1A", "FATTURA-START", "FATTURA-PRO",
				"CONSERVAZIONE-1GB")) {
			terms.put(code, ServiceTerm.months(12, 90, 30));
		}
		terms.put("PEC-STANDARD-3A", ServiceTerm.months(36, 90, 30));
		terms.forEach(catalog::setTerm);
	}

	/**
	 * A remote signature or a SPID identity renewed needs no new identification, so it
	 * costs less than a first purchase, whatever the mode it was bought in: the renewal
	 * prices of those products. The others renew at the purchase price of their mode.
	 */
	private void renewalPrices() {
		catalog.setRenewalPrice("FIRMA-REMOTA-1A", Money.of("29.00"));
		catalog.setRenewalPrice("FIRMA-REMOTA-3A", Money.of("75.00"));
		catalog.setRenewalPrice("SPID-PERSONALE", Money.of("9.90"));
		catalog.setRenewalPrice("SPID-PROFESSIONALE", Money.of("19.90"));
	}

	private void product(String code, String family, String nameIt, String nameEn, String descriptionIt,
			String descriptionEn, String instructionsIt, String instructionsEn, int order,
			Map<IdentificationMode, Money> prices) {
		catalog.addProduct(new NewProduct(code, family, new LocalizedText(nameIt, nameEn),
				new LocalizedText(descriptionIt, descriptionEn), new LocalizedText(instructionsIt, instructionsEn), VAT,
				order, prices));
	}

	private static Map<IdentificationMode, Money> prices(Object... modeAndPrice) {
		Map<IdentificationMode, Money> prices = new LinkedHashMap<>();
		for (int i = 0; i < modeAndPrice.length; i += 2) {
			prices.put((IdentificationMode) modeAndPrice[i], Money.of((String) modeAndPrice[i + 1]));
		}
		return prices;
	}

}

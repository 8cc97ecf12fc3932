package it.rivendo.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.rivendo.catalog.TierRules;
import it.rivendo.credit.CreditLedger;
import it.rivendo.identity.BillingAddress;
import it.rivendo.identity.PasswordSetup;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.shared.Money;
import it.rivendo.shared.Refusal;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Applying, approving with a tier and opening credit, choosing a password once; rejecting
 * with a reason.
 */
@IntegrationTest
class ApplicationsIT {

	static final BillingAddress COMPANY = new BillingAddress("Nuova Firma S.r.l.", "01114601006", null, "Via Po 1",
			"10123", "Torino", "TO", "IT", "M5UXCR1", null);

	@Autowired
	Applications applications;

	@Autowired
	PasswordSetup passwords;

	@Autowired
	ResellerAccounts accounts;

	@Autowired
	CreditLedger ledger;

	@Autowired
	TierRules tiers;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0").tier("SILVER", "20");
	}

	@Test
	void approvalOpensTheAccountAndMailsASingleUsePasswordLink() {
		long id = applications.apply(COMPANY, "Nora Nuova", "Nora@Nuova.it", "+39 011 123456").orElseThrow();
		assertThat(mailTo("nora@nuova.it", "APPLICATION_RECEIVED")).isNotBlank();
		// a second application while the first waits records nothing; the address is told
		// by e-mail
		assertThat(applications.apply(COMPANY, "Nora", "nora@nuova.it", "011")).isEmpty();
		assertThat(mailTo("nora@nuova.it", "APPLICATION_NOTICE")).contains("la prima è ancora in esame");

		long resellerId = applications.approve(id, "SILVER", Money.of("100.00"), shop.staff());

		assertThat(applications.view(id).status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(accounts.profile(resellerId).orElseThrow().companyName()).isEqualTo("Nuova Firma S.r.l.");
		assertThat(tiers.statusOf(resellerId).code()).isEqualTo("SILVER");
		assertThat(ledger.balanceOf(resellerId)).isEqualTo(Money.of("100.00"));
		String mail = mailTo("nora@nuova.it", "APPLICATION_APPROVED");
		Matcher link = Pattern.compile("/set-password/([A-Za-z0-9_-]{43})").matcher(mail);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		assertThat(jdbc.sql("select token_hash from password_token").query(String.class).single()).isNotEqualTo(token);

		assertThat(passwords.accountFor(token)).contains("nora@nuova.it");
		assertThat(passwords.choose(token, "1234567890")).contains("password.common");
		assertThat(passwords.choose(token, "una frase lunga e sicura")).isEmpty();
		assertThat(passwords.choose(token, "un'altra frase lunga")).contains("password.link.invalid");
		String hash = jdbc.sql("select password_hash from user_account where email = 'nora@nuova.it'")
			.query(String.class)
			.single();
		assertThat(encoder.matches("una frase lunga e sicura", hash)).isTrue();
		assertThatThrownBy(() -> applications.approve(id, "SILVER", Money.ZERO, shop.staff()))
			.isInstanceOf(Refusal.class);
	}

	@Test
	void rejectionNeedsAReasonAndTellsTheApplicant() {
		long id = applications.apply(COMPANY, "Nora Nuova", "nora@nuova.it", "011 123456").orElseThrow();
		assertThatThrownBy(() -> applications.reject(id, " ", shop.staff())).isInstanceOf(Refusal.class);
		applications.reject(id, "Partita IVA cessata", shop.staff());
		assertThat(applications.view(id).status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(mailTo("nora@nuova.it", "APPLICATION_REJECTED")).contains("Partita IVA cessata");
		assertThat(accounts.emailTaken("nora@nuova.it")).isFalse();
	}

	@Test
	void anExpiredPasswordLinkDoesNothing() {
		long id = applications.apply(COMPANY, "Nora Nuova", "nora@nuova.it", "011 123456").orElseThrow();
		applications.approve(id, "BASE", null, shop.staff());
		Matcher link = Pattern.compile("/set-password/([A-Za-z0-9_-]{43})")
			.matcher(mailTo("nora@nuova.it", "APPLICATION_APPROVED"));
		assertThat(link.find()).isTrue();
		jdbc.sql("update password_token set expires_at = now() - interval '1 second'").update();
		assertThat(passwords.accountFor(link.group(1))).isEmpty();
		assertThat(passwords.choose(link.group(1), "una frase lunga e sicura")).contains("password.link.invalid");
	}

	private String mailTo(String recipient, String kind) {
		return jdbc.sql("select body_text from mail_outbox where recipient = ? and kind = ? order by id desc limit 1")
			.params(recipient, kind)
			.query(String.class)
			.single();
	}

}

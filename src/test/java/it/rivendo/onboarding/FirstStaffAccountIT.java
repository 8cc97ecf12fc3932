package it.rivendo.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.identity.PasswordReset;
import it.rivendo.identity.PasswordSetup;
import it.rivendo.onboarding.FirstStaffAccount.Outcome;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.OutboxLinks;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code RIVENDO_ADMIN_EMAIL}: on an empty database the first staff account is opened and
 * its owner e-mailed a single-use link to choose the password; once, however many times
 * and instances start; the link is never logged.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStaffAccountIT {

	static final String OPS = "ops@example.it";

	@Autowired
	FirstStaffAccount firstStaff;

	@Autowired
	PasswordSetup passwords;

	@Autowired
	PasswordReset reset;

	@Autowired
	TestShop shop;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void onAnEmptyDatabaseTheAdminGetsAStaffAccountAndALinkByMailThatTheLogDoesNotShow(CapturedOutput output) {
		assertThat(firstStaff.ensure()).isEqualTo(Outcome.NOT_CONFIGURED); // RIVENDO_ADMIN_EMAIL
																			// is not set
																			// here

		assertThat(firstStaff.ensure(" Ops@Example.it ")).isEqualTo(Outcome.CREATED);

		assertThat(jdbc.sql("select email || ' ' || role || ' ' || enabled from user_account")
			.query(String.class)
			.single()).isEqualTo("ops@example.it STAFF true");
		String token = lastLink();
		assertThat(passwords.accountFor(token)).hasValue(OPS);
		assertThat(
				jdbc.sql("select subject from mail_outbox where recipient = ?").param(OPS).query(String.class).single())
			.isEqualTo("Il tuo accesso staff a Rivendo");
		assertThat(output).contains("First staff account ops@example.it opened")
			.contains("select body_text from mail_outbox where kind = 'STAFF_PASSWORD_LINK'")
			.doesNotContain(token);
		assertThat(passwords.choose(token, "una frase lunga per lo staff")).isEmpty();
		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.NOTHING); // the next start
	}

	@Test
	void instancesStartingTogetherOpenOneAccountAndSendOneMail() throws Exception {
		List<Outcome> outcomes = Race.run(4, i -> firstStaff.ensure(OPS));

		assertThat(outcomes).containsOnlyOnce(Outcome.CREATED).containsOnly(Outcome.CREATED, Outcome.NOTHING);
		assertThat(count("user_account where role = 'STAFF'")).isEqualTo(1);
		assertThat(count("mail_outbox")).isEqualTo(1);
		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.NOTHING);
		assertThat(count("mail_outbox")).isEqualTo(1);
	}

	@Test
	void aLinkThatExpiredUnusedIsReplacedAtTheNextStartAndAUsedOneIsNot() {
		firstStaff.ensure(OPS);
		String first = lastLink();
		clock.advance(Duration.ofHours(71));
		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.NOTHING); // still valid

		clock.advance(Duration.ofHours(2));
		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.LINK_RENEWED);
		String second = lastLink();
		assertThat(second).isNotEqualTo(first);
		assertThat(passwords.accountFor(first)).isEmpty();
		assertThat(passwords.choose(second, "una frase lunga per lo staff")).isEmpty();

		clock.advance(Duration.ofDays(30));
		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.NOTHING);
		assertThat(count("mail_outbox")).isEqualTo(2);
		assertThat(count("user_account")).isEqualTo(1);
	}

	@Test
	void aForgottenPasswordLinkLeftToLapseDoesNotBringBackTheFirstAccountsLink() {
		firstStaff.ensure(OPS);
		assertThat(count("user_account where password_chosen_at is null")).isEqualTo(1); // waits
		assertThat(passwords.choose(lastLink(), "una frase lunga per lo staff")).isEmpty();
		assertThat(count("user_account where password_chosen_at is not null")).isEqualTo(1);

		// "Password dimenticata?", then the link is never opened
		assertThat(reset.request(OPS, "127.0.0.1", Locale.ITALIAN)).isEmpty();
		assertThat(reset.sendLinks()).isEqualTo(1);
		clock.advance(PasswordReset.VALIDITY.plusMinutes(1));

		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.NOTHING); // the next start
		assertThat(count("mail_outbox where kind = '" + FirstStaffAccount.MAIL_KIND + "'")).isEqualTo(1);
	}

	@Test
	void accountsOpenedWithAPasswordHaveChosenIt() {
		shop.tier("BASE", "0");
		shop.reseller("r@example.it", "BASE", "0");
		assertThat(count("user_account where password_chosen_at is not null")).isEqualTo(1);
	}

	@Test
	void otherStaffOrAResellerWithThatAddressMeanNothingIsDone(CapturedOutput output) {
		shop.tier("BASE", "0");
		shop.reseller(OPS, "BASE", "0");
		assertThat(firstStaff.ensure(OPS)).isEqualTo(Outcome.REFUSED);
		assertThat(output).contains("RIVENDO_ADMIN_EMAIL ops@example.it belongs to a reseller's account");

		jdbc.sql("truncate user_account, reseller cascade").update();
		firstStaff.ensure("first@example.it");
		assertThat(firstStaff.ensure("second@example.it")).isEqualTo(Outcome.NOTHING);
		assertThat(jdbc.sql("select email from user_account").query(String.class).list())
			.containsExactly("first@example.it");
	}

	/** The token in the newest staff e-mail. */
	private String lastLink() {
		return OutboxLinks.token(jdbc, FirstStaffAccount.MAIL_KIND, OPS, "/set-password/");
	}

	private long count(String tableAndCondition) {
		return jdbc.sql("select count(*) from " + tableAndCondition).query(Long.class).single();
	}

}

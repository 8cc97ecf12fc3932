package it.rivendo.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import it.rivendo.handoff.internal.HandoffProperties;
import it.rivendo.identity.ResellerAccounts;
import it.rivendo.identity.ShopUser;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The handoff token: random, hashed, short-lived, single-use, bound to user, page and the
 * computer's session.
 */
@IntegrationTest
class HandoffIT {

	@Autowired
	Handoff handoff;

	@Autowired
	QrCodes qrCodes;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FindByIndexNameSessionRepository<? extends org.springframework.session.Session> sessions;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ResellerAccounts accounts;

	@Autowired
	HandoffProperties settings;

	ShopUser reseller;

	String computerSession;

	@BeforeEach
	void setUp() {
		shop.tier("BASE", "0");
		long resellerId = shop.reseller("reseller@test.it", "BASE", "0");
		long userId = jdbc.sql("select id from user_account where reseller_id = ?")
			.param(resellerId)
			.query(Long.class)
			.single();
		reseller = new ShopUser(userId, resellerId, "reseller@test.it", "Referente", it.rivendo.identity.Role.RESELLER,
				true, null);
		computerSession = liveSession();
	}

	@Test
	void theQrCodeDecodesToExactlyTheLink() throws Exception {
		HandoffTicket ticket = create("/cart");
		var image = ImageIO.read(new ByteArrayInputStream(qrCodes.png(ticket.url())));
		String decoded = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE))
			.getText();
		assertThat(decoded).isEqualTo(ticket.url()).matches("http://localhost:8080/handoff/[A-Za-z0-9_-]{43}");
		assertThat(ticket.shortUrl()).matches("http://localhost:8080/h/[2-9A-Z]{10}");
		assertThat(ticket.code()).matches("[2-9A-Z]{5}-[2-9A-Z]{5}");
	}

	@Test
	void onlyHashesAreStored() {
		HandoffTicket ticket = create("/cart");
		String token = token(ticket);
		var stored = jdbc.sql("select token_hash || ' ' || code_hash from handoff_token").query(String.class).single();
		assertThat(stored).doesNotContain(token).doesNotContain(ticket.code().replace("-", ""));
		assertThat(stored.split(" ")[0]).hasSize(64);
	}

	@Test
	void aTokenWorksOnceForItsPageAndUser() {
		String token = token(create("/checkout"));
		Optional<HandoffGrant> first = handoff.useToken(token, "phone", "10.0.0.2");
		assertThat(first).contains(new HandoffGrant("reseller@test.it", "/checkout"));
		assertThat(handoff.useToken(token, "phone", "10.0.0.2")).isEmpty();
		assertThat(audit("HANDOFF_CREATED")).isEqualTo(1);
		assertThat(audit("HANDOFF_USED")).isEqualTo(1);
		assertThat(audit("HANDOFF_REFUSED")).isEqualTo(1);
	}

	@Test
	void twoPhonesRacingForOneTokenCannotBothWin() throws Exception {
		String token = token(create("/cart"));
		List<Boolean> won = Race.run(10, i -> handoff.useToken(token, "phone " + i, "10.0.0." + i).isPresent());
		assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
	}

	@Test
	void theTypedCodeWorksOnceToo() {
		HandoffTicket ticket = create("/account/services");
		assertThat(handoff.useCode(" " + ticket.code().toLowerCase() + " ", "phone", "10.0.0.3"))
			.contains(new HandoffGrant("reseller@test.it", "/account/services"));
		assertThat(handoff.useCode(ticket.code(), "phone", "10.0.0.3")).isEmpty();
	}

	@Test
	void anExpiredTokenIsRefused() {
		String token = token(create("/cart"));
		jdbc.sql("update handoff_token set expires_at = now() - interval '1 second'").update();
		assertThat(handoff.useToken(token, "phone", "10.0.0.2")).isEmpty();
	}

	@Test
	void loggingOutOnTheComputerKillsTheToken() {
		String token = token(create("/cart"));
		sessions.deleteById(computerSession);
		assertThat(handoff.useToken(token, "phone", "10.0.0.2")).isEmpty();
	}

	@Test
	void staffAccountsAreNeverHandedOff() {
		ShopUser staff = new ShopUser(jdbc.sql("select id from user_account").query(Long.class).list().get(0) + 1000,
				null, "staff@test.it", "Staff", it.rivendo.identity.Role.STAFF, true, null);
		assertThatThrownBy(() -> handoff.create(staff, computerSession, "/cart", "pc", "10.0.0.1"))
			.isInstanceOfSatisfying(HandoffRefusedException.class,
					ex -> assertThat(ex.reason()).isEqualTo(HandoffRefusedException.Reason.STAFF));
		// and a token that somehow points at a staff account does not sign anyone in
		long staffId = accounts.openStaff("staff@test.it", "Staff", "long-enough-password");
		String token = token(create("/cart"));
		jdbc.sql("update handoff_token set user_id = ?").param(staffId).update();
		assertThat(handoff.useToken(token, "phone", "10.0.0.2")).isEmpty();
	}

	@Test
	void onlyTheShopsOwnPagesCanBeContinued() {
		for (String bad : new String[] { "//evil.example/cart", "https://evil.example/", "/admin", "/login",
				"/cart\\..\\admin", null, "" }) {
			assertThatThrownBy(() -> create(bad)).as(bad).isInstanceOf(HandoffRefusedException.class);
		}
		assertThat(create("/products/FIRMA-REMOTA-1A").targetPath()).isEqualTo("/products/FIRMA-REMOTA-1A");
	}

	/**
	 * Only the flow pages, as the shop writes their paths: a line break once made a token
	 * whose redirect answered 500 after the token was spent.
	 */
	@Test
	void onlyTheFlowPagesAsTheShopWritesThemCanBeContinued() {
		for (String bad : new String[] { "/catalog\r\nSet-Cookie: rivendo=1", "/cart\n", "/checkout\r",
				"/catalog?q=a\r\nb", "/cartridge", "/catalogue", "/account/handoff", "/account/payments/demo/x",
				"/products/../admin", "/products/A/../../admin", "/orders/..", "/catalog?q=<b>", "/catalog#top",
				"/catalog?q=a b", "/products/", "/products//evil.example", "/catalog/../login", "/CART",
				"/catalog?" + "x".repeat(600) }) {
			assertThatThrownBy(() -> create(bad)).as(bad)
				.isInstanceOfSatisfying(HandoffRefusedException.class,
						ex -> assertThat(ex.reason()).isEqualTo(HandoffRefusedException.Reason.BAD_PAGE));
		}
		assertThat(jdbc.sql("select count(*) from handoff_token").query(Long.class).single()).isZero();
		for (String good : new String[] { "/catalog", "/catalog?family=FIRMA&q=spid%20pro&page=2", "/cart", "/checkout",
				"/checkout?customer=12", "/orders", "/orders/2026-000001", "/orders/2026-000001/completed", "/account",
				"/account/credit", "/account/credit/top-up", "/account/services", "/account/services/7",
				"/account/services/7/associate", "/account/support", "/account/support/3", "/products/FIRMA-REMOTA" }) {
			assertThat(create(good).targetPath()).isEqualTo(good);
			jdbc.sql("delete from handoff_token").update(); // not to reach the limit per
															// minute
		}
	}

	/**
	 * A token stored with a path from before the check still never leads outside the flow
	 * pages.
	 */
	@Test
	void aTokenForAPathNoLongerAllowedLeadsToTheCatalog() {
		String token = token(create("/cart"));
		jdbc.sql("update handoff_token set target_path = ?").param("/cart\r\nSet-Cookie: rivendo=1").update();
		assertThat(handoff.useToken(token, "phone", "10.0.0.2"))
			.hasValueSatisfying(grant -> assertThat(grant.targetPath()).isEqualTo("/catalog"));
	}

	@Test
	void creatingIsRateLimitedPerUser() {
		for (int i = 0; i < settings.maxPerMinute(); i++) {
			create("/cart");
		}
		assertThatThrownBy(() -> create("/cart")).isInstanceOfSatisfying(HandoffRefusedException.class,
				ex -> assertThat(ex.reason()).isEqualTo(HandoffRefusedException.Reason.TOO_MANY));
	}

	@Test
	void guessingCodesIsThrottledPerAddress() {
		HandoffTicket ticket = create("/cart");
		for (int i = 0; i < settings.maxWrongCodes(); i++) {
			assertThat(handoff.useCode("AAAAA-AAAA" + (i % 8 + 2), "bot", "10.6.6.6")).isEmpty();
		}
		// even the right code is no longer read from that address
		assertThat(handoff.useCode(ticket.code(), "bot", "10.6.6.6")).isEmpty();
		assertThat(handoff.useCode(ticket.code(), "phone", "10.0.0.9")).isPresent();
	}

	@Test
	void malformedTokensAreRefusedWithoutTouchingTheDatabase() {
		for (String bad : new String[] { null, "", "short", "x".repeat(44), "'; drop table handoff_token; --" }) {
			assertThat(handoff.useToken(bad, "phone", "10.0.0.2")).isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from handoff_token").query(Long.class).single()).isZero();
	}

	private HandoffTicket create(String path) {
		return handoff.create(reseller, computerSession, path, "Mozilla/5.0 (X11; Linux)", "10.0.0.1");
	}

	private String liveSession() {
		return transactions.execute(tx -> {
			org.springframework.session.Session session = sessions.createSession();
			session.setAttribute("x", "y");
			save(session);
			return session.getId();
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void save(org.springframework.session.Session session) {
		((org.springframework.session.SessionRepository) sessions).save(session);
	}

	private static String token(HandoffTicket ticket) {
		return ticket.url().substring(ticket.url().lastIndexOf('/') + 1);
	}

	private long audit(String action) {
		return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Long.class).single();
	}

}

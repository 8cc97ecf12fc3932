package it.rivendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.identity.ShopUser;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.TestShop;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A reseller page's frame is read in the page's read-only transaction, just before it
 * commits (issue 22). When that read fails (here a statement PostgreSQL refuses, which
 * aborts the transaction it runs in), the page's transaction still ends without an error
 * and the frame is read again while the page renders. Why (review of issue 22): the
 * failed read marks the page's transaction rollback-only, but Spring decides on an
 * unexpected rollback before it calls the listener, and Hibernate (JPA transaction
 * compliance off, the default) rolls a rollback-only transaction back without an error;
 * the page's transaction is read-only, so nothing is lost. Turning that compliance on
 * would make this a 500: this test says so. No reseller page view (GET) writes the credit
 * or the cart after its read-only transaction, so the header's figures read there are the
 * page's own.
 */
@IntegrationTest
class FrameInPageTransactionIT {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestShop shop;

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aFailingFrameReadDoesNotBreakThePage() {
		shop.tier("BASE", "0");
		long reseller = shop.reseller("frame@test.it", "BASE", "25.00");
		ShopUser user = shop.userOf(reseller, "frame@test.it");
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		AtomicInteger reads = new AtomicInteger();
		// as ShellAdvice reads it: in a read-only transaction template, joining the
		// page's
		Shell shell = new Shell(user, () -> readOnly.execute(status -> {
			if (reads.incrementAndGet() == 1) {
				jdbc.sql("select 1 / 0").query(Integer.class).single();
			}
			return new Shell.Frame(List.of(),
					Money.of(jdbc.sql("select balance from credit_account where reseller_id = ?")
						.param(reseller)
						.query(java.math.BigDecimal.class)
						.single()),
					0);
		}), "/catalog", menu -> "");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/catalog");
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		request.setAttribute(FrameInPageTransaction.PENDING, shell);

		Long resellers = readOnly
			.execute(status -> jdbc.sql("select count(*) from reseller").query(Long.class).single());

		assertThat(resellers).isEqualTo(1);
		assertThat(reads).as("read in the page's transaction").hasValue(1);
		// and again while the page renders, in a transaction of its own
		assertThat(shell.getBalance()).isEqualTo(Money.of("25.00"));
		assertThat(reads).hasValue(2);
	}

}

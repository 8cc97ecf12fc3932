package it.rivendo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import it.rivendo.catalog.IdentificationMode;
import it.rivendo.credit.CreditLedger;
import it.rivendo.mail.internal.OutboxSender;
import it.rivendo.shared.Money;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.Race;
import it.rivendo.support.TestShop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The checkout's own throughput, without HTTP, pages or a load generator: BUYERS threads,
 * each its own reseller, put a product in the cart, read the cart's total (what the
 * checkout page shows) and pay, for DURATION seconds after a warm-up. It is what
 * {@code bench/run.sh} compares with pgbench's TPC-B transactions on the same PostgreSQL.
 * <p>
 * Not part of the test suite (the name does not end in Tests): {@code bench/run.sh} runs
 * it on its own database, and it prints numbers instead of asserting on time. It does
 * assert that the money is right afterwards.
 */
@IntegrationTest
class CheckoutThroughputBenchmark {

	static final int BUYERS = Integer.getInteger("bench.buyers", 10);
	static final int DURATION = Integer.getInteger("bench.duration", 30);
	static final int WARMUP = Integer.getInteger("bench.warmup", 10);
	static final int PRODUCTS = 50;
	static final int MAILS = Integer.getInteger("bench.mails", 200);
	static final String OPENING = "10000000.00";

	@Autowired
	TestShop shop;

	@Autowired
	CreditLedger credit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	OutboxSender sender;

	@Test
	void checkoutsPerSecond() throws Exception {
		shop.tier("BASE", "10");
		shop.family("FIRMA");
		for (int i = 1; i <= PRODUCTS; i++) {
			shop.product("P%03d".formatted(i), "FIRMA", IdentificationMode.SPID, "%d.90".formatted(10 + i));
		}
		List<Long> buyers = new ArrayList<>();
		for (int i = 0; i < BUYERS; i++) {
			buyers.add(shop.reseller("buyer" + i + "@bench.it", "BASE", OPENING));
		}

		buyFor(buyers, WARMUP);
		Counters before = counters();
		long start = System.nanoTime();
		List<Integer> paid = buyFor(buyers, DURATION);
		double seconds = (System.nanoTime() - start) / 1e9;
		Counters after = counters();

		int orders = paid.stream().mapToInt(Integer::intValue).sum();
		double perSecond = orders / seconds;
		double commits = (after.commits() - before.commits()) / (double) orders;
		double written = (after.written() - before.written()) / (double) orders;
		Sending sending = sendSome();
		String report = """
				buyers=%d
				seconds=%.1f
				orders=%d
				orders_per_second=%.1f
				commits_per_order=%.1f
				rows_written_per_order=%.1f
				mails_sent=%d
				mail_seconds=%.1f
				mails_per_second=%.1f
				""".formatted(BUYERS, seconds, orders, perSecond, commits, written, sending.sent(), sending.seconds(),
				sending.sent() / sending.seconds());
		System.out.println("[bench] checkout without HTTP\n" + report);
		String out = System.getProperty("bench.out");
		if (out != null) {
			Files.writeString(Path.of(out), report);
		}

		// the money is right: every reseller's balance is its opening credit less its
		// orders, and no order lacks a debit
		for (long buyer : buyers) {
			Money spent = Money
				.of(jdbc.sql("select coalesce(sum(total_amount), 0) from purchase_order where reseller_id = ?")
					.param(buyer)
					.query(java.math.BigDecimal.class)
					.single());
			assertThat(credit.balanceOf(buyer)).isEqualTo(Money.of(OPENING).minus(spent));
		}
		assertThat(jdbc.sql("""
				select count(*) from purchase_order o
				where not exists (select 1 from credit_entry e where e.reference = o.number)""")
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * The purchase e-mails are only queued by the payment; the sender renders each one's
	 * invoice PDF and sends it later. This times the sender (one thread, as scheduled) on
	 * MAILS of them, to an in-process SMTP server.
	 */
	private Sending sendSome() {
		jdbc.sql("delete from mail_outbox where id not in (select id from mail_outbox order by id limit ?)")
			.param(MAILS)
			.update();
		GreenMail smtp = new GreenMail(ServerSetupTest.SMTP);
		smtp.start();
		try {
			long start = System.nanoTime();
			int sent = sender.sendDue();
			double seconds = (System.nanoTime() - start) / 1e9;
			assertThat(smtp.getReceivedMessages()).hasSize(sent);
			return new Sending(sent, seconds);
		}
		finally {
			smtp.stop();
		}
	}

	record Sending(int sent, double seconds) {
	}

	/**
	 * Each buyer buys in a loop for the given seconds; answers how many orders each paid.
	 */
	private List<Integer> buyFor(List<Long> buyers, int seconds) throws Exception {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		return Race.run(buyers.size(), index -> {
			long reseller = buyers.get(index);
			AtomicInteger paid = new AtomicInteger();
			while (System.nanoTime() < end) {
				shop.buy(reseller, "P%03d".formatted(ThreadLocalRandom.current().nextInt(PRODUCTS) + 1),
						IdentificationMode.SPID, 1);
				paid.incrementAndGet();
			}
			return paid.get();
		});
	}

	private Counters counters() {
		return jdbc.sql("""
				select xact_commit, tup_inserted + tup_updated + tup_deleted as written
				from pg_stat_database where datname = current_database()""")
			.query((rs, i) -> new Counters(rs.getLong("xact_commit"), rs.getLong("written")))
			.single();
	}

	record Counters(long commits, long written) {
	}

}

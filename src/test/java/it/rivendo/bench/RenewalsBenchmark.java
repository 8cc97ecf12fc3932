package it.rivendo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import it.rivendo.catalog.IdentificationMode;
import it.rivendo.catalog.ServiceTerm;
import it.rivendo.services.ExpiringFilter;
import it.rivendo.services.ExpiringServices;
import it.rivendo.services.RenewalFigures;
import it.rivendo.services.ServiceAdministration;
import it.rivendo.services.internal.AutoRenewals;
import it.rivendo.support.HttpBrowser;
import it.rivendo.support.IntegrationTest;
import it.rivendo.support.MutableClock;
import it.rivendo.support.SecondInstance;
import it.rivendo.support.TestShop;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Renewals at scale (issue #16). Not part of the test suite (the name ends in neither IT
 * nor Tests): {@code bench/renewals.sh} runs each method on its own, under the build
 * lock. The services are copied in SQL from services bought the shop's way, their
 * expiries spread evenly over the next year.
 * <ul>
 * <li>{@link #automaticRenewals}: the daily automatic renewal job
 * ({@link AutoRenewals#renewDue}, in-process) at 10,000 and 100,000 active services of
 * 300 resellers, one in ten with automatic renewal. On the first day every one of those
 * within 30 days of its expiry is renewed (a renewal is a paid order: debit, invoice,
 * e-mail); on an ordinary next day what entered its last 30 days overnight.</li>
 * <li>{@link #expiringPageAndDashboard}: one reseller holding 100,000 services; 50
 * signed-in users read "In scadenza" (30, 60 and 90 days in turn) over real HTTP with a
 * think time between pages, on a second shop instance started for the purpose; the
 * latencies' percentiles; the CSV of 90 days; and the staff dashboard's figures
 * ({@link RenewalFigures#dueWithin}) and renewals-due page at the same size.</li>
 * </ul>
 */
@IntegrationTest
class RenewalsBenchmark {

	static final int RESELLERS = 300;

	@Autowired
	TestShop shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MutableClock clock;

	@Autowired
	AutoRenewals autoRenewals;

	@Autowired
	ExpiringServices expiring;

	@Autowired
	RenewalFigures figures;

	@Autowired
	ServiceAdministration administration;

	@Test
	void automaticRenewals() throws Exception {
		List<Long> resellers = remoteSignatureShop(RESELLERS, "100000.00");
		List<Long> templates = new ArrayList<>();
		for (long reseller : resellers) {
			templates.add(template(shop.buy(reseller, "REMOTA", IdentificationMode.SPID, 1)));
		}
		StringBuilder report = new StringBuilder("services | with automatic renewal | day | run s | renewed | "
				+ "ms per renewal | ms per service held\n");
		for (int size : sizes(10_000, 100_000)) {
			clock.reset();
			reset(templates);
			ServiceCopies.of(templates, size, 10).insert(jdbc, dataSource, clock.instant());
			for (String day : List.of("first", "next")) {
				if (day.equals("next")) {
					clock.advance(Duration.ofDays(1));
				}
				long t0 = System.nanoTime();
				AutoRenewals.Run run = autoRenewals.renewDue();
				long t1 = System.nanoTime();
				assertThat(run.renewed()).isEqualTo(renewalsOfTheLastHour());
				assertThat(run.shortOfCredit() + run.skipped()).isZero();
				report.append(
						"%,d | %,d | %s | %.2f | %,d | %.1f | %.4f%n".formatted(size, size / 10, day, (t1 - t0) / 1e9,
								run.renewed(), (t1 - t0) / 1e6 / Math.max(run.renewed(), 1), (t1 - t0) / 1e6 / size));
			}
		}
		write("[bench] automatic renewals", report);
	}

	/** What the run renewed, as the database has it: its day's renewals. */
	private int renewalsOfTheLastHour() {
		return jdbc.sql("select count(*) from service_renewal where renewed_at >= ?")
			.param(Timestamp.from(clock.instant().minus(Duration.ofHours(1))))
			.query(Integer.class)
			.single();
	}

	@Test
	void expiringPageAndDashboard() throws Exception {
		int size = Integer.getInteger("bench.services", 100_000);
		int users = Integer.getInteger("bench.users", 50);
		int seconds = Integer.getInteger("bench.seconds", 30);
		long pauseMs = Long.getLong("bench.pause.ms", 1000);
		List<Long> resellers = remoteSignatureShop(RESELLERS, "100.00");
		long busy = resellers.get(0);
		List<Long> templates = new ArrayList<>();
		templates.add(template(shop.buy(busy, "REMOTA", IdentificationMode.SPID, 1)));
		clock.reset();
		reset(templates);
		ServiceCopies.of(templates, size, 0).insert(jdbc, dataSource, clock.instant());
		StringBuilder report = new StringBuilder();

		// the queries the page and the dashboard make, on their own
		report.append("query (%,d services of one reseller) | median ms | max ms%n".formatted(size));
		for (int days : ExpiringFilter.DAYS) {
			ExpiringFilter filter = ExpiringFilter.within(days);
			report.append(timed("ExpiringServices.overview, " + days + " days",
					() -> expiring.overview(busy, filter, PageRequest.of(0, 20))));
		}
		report.append(timed("ExpiringServices.families + products", () -> {
			expiring.families(busy);
			return expiring.products(busy);
		}));
		report.append(timed("ExpiringServices.countWithin 30 (home)", () -> expiring.countWithin(busy, 30)));
		for (int days : ExpiringFilter.DAYS) {
			report.append(
					timed("RenewalFigures.dueWithin " + days + " (staff dashboard)", () -> figures.dueWithin(days)));
		}
		report.append(timed("RenewalFigures.revenueByMonth 12", () -> figures.revenueByMonth(12)));
		report.append(timed("ServiceAdministration.dueWithin 30, first page (/admin/services/due)",
				() -> administration.dueWithin(30, PageRequest.of(0, 50))));

		// the page over HTTP, 50 users at once, on an instance of its own
		Path accessLog = Files.createTempDirectory("rivendo-expiring-access");
		ConfigurableApplicationContext instance = SecondInstance.start(clock, "server.tomcat.accesslog.enabled=true",
				"server.tomcat.accesslog.directory=" + accessLog, "server.tomcat.accesslog.pattern=%U %s %D",
				"server.tomcat.accesslog.buffered=false", "server.tomcat.accesslog.rotate=false");
		try {
			String base = SecondInstance.url(instance);
			List<HttpBrowser> browsers = new ArrayList<>();
			for (int i = 0; i < users; i++) {
				browsers.add(signedIn(base, "bench0@test.it"));
			}
			long t0 = System.nanoTime();
			HttpResponse<String> csv = browsers.get(0).get(base + "/account/services/expiring.csv?days=90");
			long t1 = System.nanoTime();
			assertThat(csv.statusCode()).isEqualTo(200);
			long csvRows = csv.body().lines().count() - 1;
			for (HttpBrowser browser : browsers) { // warm-up: each user reads each tab
													// once
				for (int days : ExpiringFilter.DAYS) {
					assertThat(browser.get(base + "/account/services/expiring?days=" + days).statusCode())
						.isEqualTo(200);
				}
			}
			// wrk before and after the in-process users: what the order (the JIT's
			// warm-up,
			// the machine's other load) does, apart from the client
			String cookie = sessionCookie(base, "bench0@test.it");
			int served = servedPages(accessLog).size();
			report.append(wrk("before", base, cookie, users, seconds, true));
			List<Long> beforeWrk = servedPages(accessLog);
			report.append(serverSide("30/60/90 days, the wrk run before, as the shop served them",
					beforeWrk.subList(served, beforeWrk.size())));
			served = beforeWrk.size();
			// the in-JVM users of the first rounds (-Dbench.jvmUsers=false leaves them
			// out)
			if (Boolean.parseBoolean(System.getProperty("bench.jvmUsers", "true"))) {
				ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
				AtomicInteger errors = new AtomicInteger();
				long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
				List<Thread> threads = new ArrayList<>();
				for (int i = 0; i < users; i++) {
					HttpBrowser browser = browsers.get(i);
					int first = i;
					Thread thread = new Thread(() -> {
						int n = first;
						try {
							// the users spread over one pause
							Thread.sleep(pauseMs * first / users);
							while (System.nanoTime() < end) {
								int days = ExpiringFilter.DAYS.get(n++ % ExpiringFilter.DAYS.size());
								long start = System.nanoTime();
								HttpResponse<String> page = browser
									.get(base + "/account/services/expiring?days=" + days);
								latencies.add(System.nanoTime() - start);
								if (page.statusCode() != 200 || !page.body().contains("in scadenza entro")) {
									errors.incrementAndGet();
								}
								Thread.sleep(pauseMs);
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
					});
					thread.start();
					threads.add(thread);
				}
				for (Thread thread : threads) {
					thread.join();
				}
				List<Long> sorted = new ArrayList<>(latencies);
				Collections.sort(sorted);
				report.append("\n\"In scadenza\" over HTTP | users | think s | requests | req/s | p50 ms | p95 ms | "
						+ "p99 ms | max ms | errors\n");
				report.append("30/60/90 days in turn | %d | %.1f | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %d%n"
					.formatted(users, pauseMs / 1000.0, sorted.size(), sorted.size() / (double) seconds,
							percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
							sorted.get(sorted.size() - 1) / 1e6, errors.get()));
				List<Long> inJvm = servedPages(accessLog);
				report.append(serverSide("30/60/90 days, the same run, as the shop served them",
						inJvm.subList(served, inJvm.size())));
				served = inJvm.size();
			}

			// the same load from wrk, a process of its own: a client that shares
			// neither the shop's JVM (heap, GC pauses, threads) nor its scheduling
			report.append(wrk("after", base, cookie, users, seconds, true));
			List<Long> fromWrk = servedPages(accessLog);
			report.append(serverSide("30/60/90 days, the wrk run after, as the shop served them",
					fromWrk.subList(served, fromWrk.size())));
			// one user reading without a pause: the page's own time, no queue
			report.append(wrk("one user, no think time", base, cookie, 1, Math.max(5, seconds / 3), false));
			report.append("%nCSV of 90 days: %,d rows, %.2f s, %,d bytes%n".formatted(csvRows, (t1 - t0) / 1e9,
					csv.body().length()));
		}
		finally {
			instance.close();
		}
		write("[bench] In scadenza and the staff dashboard", report);
	}

	/**
	 * Tier BASE, the remote signature (39,00 € with SPID, 12 months, renewable from 90
	 * days before its expiry), and {@code count} resellers {@code bench<i>@test.it}.
	 */
	private List<Long> remoteSignatureShop(int count, String credit) {
		shop.tier("BASE", "0").family("FIRMA");
		shop.product("REMOTA", "FIRMA", IdentificationMode.SPID, "39.00");
		shop.catalog().setTerm("REMOTA", ServiceTerm.months(12, 90, 0));
		List<Long> resellers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			resellers.add(shop.reseller("bench" + i + "@test.it", "BASE", credit));
		}
		return resellers;
	}

	private long template(String orderNumber) {
		return jdbc.sql("select id from purchased_service where order_number = ?")
			.param(orderNumber)
			.query(Long.class)
			.single();
	}

	/**
	 * Only the templates left, each active and far from its expiry, without automatic
	 * renewal; no renewal orders, renewals, invoices or e-mails of a previous size.
	 */
	private void reset(List<Long> templates) {
		jdbc.sql("delete from service_renewal").update();
		jdbc.sql("delete from service_event where service_id not in (:ids)").param("ids", templates).update();
		jdbc.sql("delete from service_reminder where service_id not in (:ids)").param("ids", templates).update();
		jdbc.sql("delete from purchased_service where id not in (:ids)").param("ids", templates).update();
		jdbc.sql("delete from mail_outbox").update();
		jdbc.sql("""
				update purchased_service set status = 'ACTIVE', valid_until = :until, activated_at = :now,
				    customer_email = 'modello@cliente.it', customer_name = 'Mario Rossi', auto_renew = false
				where id in (:ids)""")
			.param("until", Timestamp.from(clock.instant().plus(Duration.ofDays(400))))
			.param("now", Timestamp.from(clock.instant()))
			.param("ids", templates)
			.update();
	}

	private HttpBrowser signedIn(String base, String email) throws Exception {
		HttpBrowser browser = new HttpBrowser();
		signIn(browser, base, email);
		return browser;
	}

	/** Signs the browser in: the answer to the login form, checked. */
	private static HttpResponse<String> signIn(HttpBrowser browser, String base, String email) throws Exception {
		String login = browser.get(base + "/login").body();
		HttpResponse<String> done = browser.post(base + "/login",
				Map.of("email", email, "password", TestShop.PASSWORD, "_csrf", HttpBrowser.csrf(login)));
		assertThat(done.statusCode()).isEqualTo(302);
		assertThat(done.headers().firstValue("Location")).hasValue(base + "/");
		return done;
	}

	/**
	 * The session cookie of a user who signs in ({@code SESSION=...}), for a client that
	 * is not an {@link HttpBrowser}.
	 */
	private String sessionCookie(String base, String email) throws Exception {
		return signIn(new HttpBrowser(), base, email).headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(cookie -> cookie.startsWith("SESSION="))
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * {@code users} connections of wrk ({@code bench/expiring.lua}: the three tabs in
	 * turn, 0.5-1.5 s of think time, or none when {@code think} is false) for
	 * {@code seconds}, signed in as one user: one report line, with the CPU the shop's
	 * JVM, PostgreSQL and wrk itself used per page in that run, and the run's wall-clock
	 * times (to cut a JFR recording of the whole benchmark to it).
	 */
	private String wrk(String what, String base, String cookie, int users, int seconds, boolean think)
			throws Exception {
		CpuMeter cpu = CpuMeter.start(this.jdbc);
		java.time.Instant from = java.time.Instant.now();
		// bash's times: the CPU of wrk (the shell's children) on its second line
		ProcessBuilder builder = new ProcessBuilder("bash", "-c", "wrk \"$@\"; s=$?; times; exit $s", "wrk",
				"-t" + Math.min(2, users), "-c" + users, "-d" + seconds + "s", "--timeout", "10s", "-s",
				"bench/expiring.lua", "-H", "Cookie: " + cookie, base)
			.redirectErrorStream(true);
		builder.environment().put("EXPIRING_THINK", think ? "1" : "0");
		Process wrk = builder.start();
		String output = new String(wrk.getInputStream().readAllBytes());
		assertThat(wrk.waitFor()).as(output).isZero();
		double jvm = cpu.jvmMillis();
		double postgres = cpu.postgresMillis();
		java.time.Instant to = java.time.Instant.now();
		Map<String, Long> result = new java.util.HashMap<>();
		output.lines()
			.filter(line -> line.startsWith("RESULT "))
			.flatMap(line -> java.util.Arrays.stream(line.substring(7).split(" ")))
			.map(pair -> pair.split("="))
			.forEach(pair -> result.put(pair[0], (long) Double.parseDouble(pair[1])));
		assertThat(result).as(output).containsKey("requests");
		List<String> times = output.lines().filter(line -> line.matches("\\d+m[\\d.]+s \\d+m[\\d.]+s")).toList();
		double wrkMillis = times.size() < 2 ? Double.NaN
				: java.util.Arrays.stream(times.get(1).split(" ")).mapToDouble(RenewalsBenchmark::seconds).sum() * 1e3;
		long requests = result.get("requests");
		return ("\nwrk (own process), %s | users | think s | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors "
				+ "| CPU ms a page: test JVM (both shops), the database's backends, wrk | from-to (UTC)\n"
				+ "30/60/90 days in turn | %d | %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.2f, %.2f, %.2f | %s-%s%n")
			.formatted(what, users, think ? "0.5-1.5" : "0", requests, requests / (double) seconds,
					result.get("p50_us") / 1e3, result.get("p95_us") / 1e3, result.get("p99_us") / 1e3,
					result.get("max_us") / 1e3, result.get("bad") + result.get("socket_errors"), jvm / requests,
					postgres / requests, wrkMillis / requests, from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
					to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
	}

	/** bash's {@code 1m2.345s}, in seconds. */
	private static double seconds(String time) {
		int m = time.indexOf('m');
		return Integer.parseInt(time.substring(0, m)) * 60
				+ Double.parseDouble(time.substring(m + 1, time.length() - 1));
	}

	/**
	 * The time the shop took for each "In scadenza" page it served, in the order served
	 * (nanoseconds, from Tomcat's access log: request read to response written, in
	 * microseconds).
	 */
	private static List<Long> servedPages(Path accessLog) throws Exception {
		List<Long> times = new ArrayList<>();
		try (var files = Files.list(accessLog)) {
			for (Path file : files.sorted().toList()) {
				for (String line : Files.readAllLines(file)) {
					String[] fields = line.split(" ");
					if (fields.length == 3 && fields[0].equals("/account/services/expiring")) {
						times.add(Long.parseLong(fields[2]) * 1000);
					}
				}
			}
		}
		return times;
	}

	/** Percentiles of the shop's own times: one report line. */
	private static String serverSide(String what, List<Long> times) {
		List<Long> sorted = new ArrayList<>(times);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return "%nshop's own time, %s: no pages%n".formatted(what);
		}
		return "%nshop's own time, %s: %,d pages, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n".formatted(what,
				sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				sorted.get(sorted.size() - 1) / 1e6);
	}

	/** Median and maximum of 20 calls, after 3 to warm up: one report line. */
	private static String timed(String what, Supplier<?> call) {
		for (int i = 0; i < 3; i++) {
			call.get();
		}
		List<Long> times = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long t0 = System.nanoTime();
			call.get();
			times.add(System.nanoTime() - t0);
		}
		Collections.sort(times);
		return "%s | %.1f | %.1f%n".formatted(what, percentile(times, 50), times.get(times.size() - 1) / 1e6);
	}

	private static double percentile(List<Long> sortedNanos, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
		return sortedNanos.get(Math.max(index, 0)) / 1e6;
	}

	private static int[] sizes(int... defaults) {
		String sizes = System.getProperty("bench.sizes");
		return sizes == null ? defaults
				: java.util.Arrays.stream(sizes.split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
	}

	private static void write(String title, CharSequence report) throws Exception {
		System.out.println(title + "\n" + report);
		String out = System.getProperty("bench.out");
		if (out != null) {
			Files.writeString(Path.of(out), title + "\n" + report + "\n", StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
		}
	}

}

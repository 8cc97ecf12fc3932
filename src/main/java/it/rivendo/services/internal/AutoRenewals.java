package it.rivendo.services.internal;

import it.rivendo.cart.CartService;
import it.rivendo.cart.CartView;
import it.rivendo.credit.CreditLedger;
import it.rivendo.credit.InsufficientCreditException;
import it.rivendo.ordering.BillingDetails;
import it.rivendo.ordering.CheckoutService;
import it.rivendo.ordering.OrderHistory;
import it.rivendo.ordering.PaymentRequest;
import it.rivendo.services.ServiceStatus;
import it.rivendo.services.internal.PurchasedServiceRepository.DueRenewal;
import it.rivendo.shared.Formats;
import it.rivendo.shared.Money;
import it.rivendo.shared.NotFoundException;
import it.rivendo.shared.Refusal;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Rinnovo automatico": every day, each service with automatic renewal that expires
 * within 30 days is renewed from the reseller's credit, by an order paid like a purchase
 * ({@link CheckoutService#payPriced}: invoice, ledger, e-mail, and the renewal through
 * {@code OrderPlaced}), billed to whom its original order was billed. Each service in its
 * own transaction. Once per service and term: the order's checkout token is made of the
 * service and the expiry it renews (a second instance collides on it and gives up), and
 * the renewal itself only renews the expiry it was priced for (a manual "Rinnova" paid
 * meanwhile wins, and this one charges nothing). A credit too short charges nothing: the
 * reseller gets one e-mail a day saying how much to top up for all its services due, and
 * the next day's run tries again, until the expiry.
 */
@Component
public class AutoRenewals {

	/** How long before the expiry the automatic renewal starts trying. */
	public static final Duration AHEAD = Duration.ofDays(30);

	static final String ACTOR = "rinnovo automatico";

	private static final Logger logger = LoggerFactory.getLogger(AutoRenewals.class);

	private final PurchasedServiceRepository services;

	private final ServiceRenewalRepository renewals;

	private final CartService carts;

	private final CheckoutService checkout;

	private final OrderHistory orders;

	private final CreditLedger credit;

	private final ServiceMails mails;

	private final ServiceLog log;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final int workers;

	AutoRenewals(PurchasedServiceRepository services, ServiceRenewalRepository renewals, CartService carts,
			CheckoutService checkout, OrderHistory orders, CreditLedger credit, ServiceMails mails, ServiceLog log,
			JdbcClient jdbc, TransactionTemplate transactions, ServicesProperties properties, DataSource dataSource) {
		// each worker holds a connection while it renews: at most half of the pool, so
		// the pages keep theirs at 06:30
		this.workers = Math.min(properties.autoRenewWorkers(), Math.max(1, poolSize(dataSource) / 2));
		this.services = services;
		this.renewals = renewals;
		this.carts = carts;
		this.checkout = checkout;
		this.orders = orders;
		this.credit = credit;
		this.mails = mails;
		this.log = log;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	private static int poolSize(DataSource dataSource) {
		try {
			return dataSource.isWrapperFor(HikariDataSource.class)
					? dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() : Integer.MAX_VALUE;
		}
		catch (SQLException ex) {
			return Integer.MAX_VALUE;
		}
	}

	/** What a run did. */
	public record Run(int renewed, int shortOfCredit, int skipped, int noticesSent) {
	}

	@Scheduled(cron = "${rivendo.services.auto-renew-cron:0 30 6 * * *}", zone = "Europe/Rome")
	public void run() {
		Run run = renewDue();
		if (run.renewed() + run.shortOfCredit() + run.skipped() > 0) {
			logger.info("Automatic renewals: {}", run);
		}
	}

	/**
	 * Renews every service due now, reseller by reseller, and tells each reseller whose
	 * credit was short how much to top up (once a day).
	 */
	public Run renewDue() {
		Instant now = log.now();
		Map<Long, List<Long>> dueByReseller = new LinkedHashMap<>();
		for (DueRenewal due : services.findAutoRenewalsDue(now, now.plus(AHEAD))) {
			dueByReseller.computeIfAbsent(due.resellerId(), id -> new ArrayList<>()).add(due.serviceId());
		}
		int renewed = 0;
		int skipped = 0;
		Map<Long, List<Money>> shortByReseller = new LinkedHashMap<>();
		RuntimeException failure = null;
		for (ResellerRun run : onWorkers(dueByReseller.values())) {
			for (Outcome outcome : run.outcomes()) {
				switch (outcome.kind()) {
					case RENEWED -> renewed++;
					case SKIPPED -> skipped++;
					case SHORT -> shortByReseller.computeIfAbsent(outcome.resellerId(), id -> new ArrayList<>())
						.add(outcome.total());
				}
			}
			if (failure == null) {
				failure = run.failure();
			}
		}
		int notices = 0;
		for (Map.Entry<Long, List<Money>> entry : shortByReseller.entrySet()) {
			if (notifyShortCredit(entry.getKey(), entry.getValue(), now)) {
				notices++;
			}
		}
		if (failure != null) {
			// the other resellers were renewed and told: the job is watched as failed
			throw failure;
		}
		int shortOfCredit = shortByReseller.values().stream().mapToInt(List::size).sum();
		return new Run(renewed, shortOfCredit, skipped, notices);
	}

	/**
	 * Each reseller's run, side by side on at most {@link #workers} threads of a pool
	 * made for this run, in the order of the resellers.
	 */
	private List<ResellerRun> onWorkers(Collection<List<Long>> resellers) {
		int threads = Math.min(this.workers, resellers.size());
		if (threads <= 1) {
			return resellers.stream().map(this::renewInTurn).toList();
		}
		ExecutorService pool = Executors.newFixedThreadPool(threads, new CustomizableThreadFactory("auto-renew-"));
		try {
			List<Future<ResellerRun>> running = resellers.stream()
				.map(ids -> pool.submit(() -> renewInTurn(ids)))
				.toList();
			List<ResellerRun> runs = new ArrayList<>();
			for (Future<ResellerRun> each : running) {
				runs.add(each.get());
			}
			return runs;
		}
		catch (ExecutionException ex) { // an Error: renewInTurn keeps its exceptions
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("automatic renewals interrupted", ex);
		}
		finally {
			pool.shutdown(); // every task has ended, but on an interruption
		}
	}

	/**
	 * One reseller's services due, one after the other, soonest first. A failure that is
	 * no outcome (the database gone, a bug) ends this reseller's run, not the others'.
	 */
	private ResellerRun renewInTurn(List<Long> serviceIds) {
		List<Outcome> outcomes = new ArrayList<>();
		try {
			for (long serviceId : serviceIds) {
				outcomes.add(renew(serviceId));
			}
			return new ResellerRun(outcomes, null);
		}
		catch (RuntimeException ex) {
			logger.error("Automatic renewals of a reseller stopped at a service of {}", serviceIds, ex);
			return new ResellerRun(outcomes, ex);
		}
	}

	/** What one reseller's run did, and what stopped it. */
	private record ResellerRun(List<Outcome> outcomes, @Nullable RuntimeException failure) {
	}

	private enum Kind {

		RENEWED, SHORT, SKIPPED

	}

	private record Outcome(Kind kind, long resellerId, Money total) {

		static Outcome skipped() {
			return new Outcome(Kind.SKIPPED, 0, Money.ZERO);
		}

	}

	/** A renewal worked out, to be paid. */
	private record Plan(long resellerId, String token, BillingDetails billing, CartView priced) {
	}

	/**
	 * One service: worked out in one transaction, paid in another (which reads the
	 * service afresh, locked, when it renews it): renewed, short of credit, or nothing to
	 * do.
	 */
	private Outcome renew(long serviceId) {
		Plan plan;
		try {
			plan = transactions.execute(status -> {
				PurchasedService service = services.findById(serviceId).orElse(null);
				if (service == null || !due(service, log.now())) {
					return null;
				}
				CartView priced = carts.quoteRenewal(service.resellerId(), service.productCode(), service.mode(),
						service.nextRenewal());
				return new Plan(service.resellerId(), token(service),
						orders.details(service.resellerId(), service.orderNumber()).billing(), priced);
			});
		}
		catch (Refusal | NotFoundException ex) {
			logger.warn("Automatic renewal of service {} not possible: {}", serviceId, ex.toString());
			return Outcome.skipped();
		}
		if (plan == null) {
			return Outcome.skipped();
		}
		Money total = plan.priced().totals().total();
		try {
			Boolean repeated = transactions.execute(status -> {
				var paid = checkout.payPriced(
						new PaymentRequest(plan.resellerId(), plan.token(), plan.billing(), total, false, ACTOR),
						plan.priced());
				jdbc.sql("update service_renewal set automatic = true where order_number = :number")
					.param("number", paid.orderNumber())
					.update();
				return paid.repeated();
			});
			// another instance paid this renewal first (the same checkout token): nothing
			// was charged here
			return Boolean.TRUE.equals(repeated) ? Outcome.skipped()
					: new Outcome(Kind.RENEWED, plan.resellerId(), total);
		}
		catch (InsufficientCreditException ex) {
			return new Outcome(Kind.SHORT, plan.resellerId(), total);
		}
		catch (Refusal | NotFoundException | DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// renewed meanwhile (a manual "Rinnova", another instance), or its window
			// closed: nothing charged, nothing to do
			logger.info("Automatic renewal of service {} not done: {}", serviceId, ex.toString());
			return Outcome.skipped();
		}
	}

	/**
	 * The checkout token of the automatic renewal of this service's current term: the
	 * service, its expiry, and how many renewals of that term staff cancelled (the term
	 * can be renewed again after its renewal order was cancelled, by a new order).
	 */
	private String token(PurchasedService service) {
		long cancelled = renewals.countByServiceIdAndOldValidUntilAndCancelledAtIsNotNull(service.id(),
				service.validUntil());
		return "auto-renew-" + service.id() + "-" + service.validUntil().toEpochMilli()
				+ (cancelled == 0 ? "" : "-" + cancelled);
	}

	private static boolean due(PurchasedService service, Instant now) {
		boolean running = service.status() == ServiceStatus.ACTIVE || service.status() == ServiceStatus.SUSPENDED;
		return service.autoRenew() && running && service.validUntil() != null && service.validUntil().isAfter(now)
				&& !service.validUntil().isAfter(now.plus(AHEAD)) && service.renewalOpen(now);
	}

	/**
	 * The day's e-mail to a reseller whose credit did not cover its renewals: how much to
	 * top up. Once per reseller and day, whichever instance gets there first.
	 */
	private boolean notifyShortCredit(long resellerId, List<Money> totals, Instant now) {
		Boolean sent = transactions.execute(status -> {
			Money total = totals.stream().reduce(Money.ZERO, Money::plus);
			Money balance = credit.balanceOf(resellerId);
			if (!balance.isLessThan(total)) {
				return false; // topped up meanwhile: tomorrow's run renews them
			}
			Money missing = total.minus(balance);
			LocalDate day = now.atZone(Formats.SHOP_ZONE).toLocalDate();
			int inserted = jdbc.sql("""
					insert into auto_renewal_notice (reseller_id, day, services, total, missing, created_at)
					values (:reseller, :day, :services, :total, :missing, :now)
					on conflict (reseller_id, day) do nothing""")
				.param("reseller", resellerId)
				.param("day", day)
				.param("services", totals.size())
				.param("total", total.amount())
				.param("missing", missing.amount())
				.param("now", java.sql.Timestamp.from(now))
				.update();
			if (inserted == 0) {
				return false;
			}
			mails.autoRenewalShortOfCredit(resellerId, totals.size(), total, balance, missing, day);
			return true;
		});
		return Boolean.TRUE.equals(sent);
	}

}

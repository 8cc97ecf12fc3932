package it.rivendo.services.internal;

import it.rivendo.services.ServiceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The clock's part in a service's life: reminders 14 days before the activation deadline,
 * expiry after it, the end of suspensions, the end of an active service's term; and the
 * hourly fold of "In scadenza"'s kept counts ({@link ExpiringRows#foldCounts}). Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances can run this at once
 * and each reminder goes out once. Each step is its own transaction, opened here with a
 * {@link TransactionTemplate} rather than by {@code @Transactional}: the hourly
 * {@link #run()} calls the steps on {@code this}, which no transactional proxy sees.
 */
@Component
public class ServiceLifecycle {

	static final Duration REMINDER_AHEAD = Duration.ofDays(14);

	private static final List<ServiceStatus> NOT_YET_ACTIVE = List.of(ServiceStatus.NOT_ASSOCIATED,
			ServiceStatus.ASSOCIATED);

	private final PurchasedServiceRepository services;

	private final ServiceMails mails;

	private final ServiceLog log;

	private final TransactionTemplate transactions;

	private final ExpiringRows expiring;

	ServiceLifecycle(PurchasedServiceRepository services, ServiceMails mails, ServiceLog log,
			TransactionTemplate transactions, ExpiringRows expiring) {
		this.services = services;
		this.mails = mails;
		this.log = log;
		this.transactions = transactions;
		this.expiring = expiring;
	}

	@Scheduled(cron = "${rivendo.services.lifecycle-cron:0 7 * * * *}")
	public void run() {
		try {
			expireOverdue();
			remindDeadlines();
			endSuspensions();
			endTerms();
		}
		finally {
			// what the hour's changes of services wrote into "In scadenza"'s kept counts,
			// also when a step above failed
			expiring.foldCounts();
		}
	}

	/** Services not activated by their deadline become Non attivato in tempo. */
	public int expireOverdue() {
		return sweep(now -> services.findDueBefore(NOT_YET_ACTIVE, now), PurchasedService::expireIfLate,
				ServiceEvent.Kind.ACTIVATION_EXPIRED);
	}

	/**
	 * One e-mail per reseller, listing its services whose deadline falls within 14 days;
	 * once per service.
	 */
	public int remindDeadlines() {
		return inTransaction(() -> {
			Instant now = log.now();
			Map<Long, List<PurchasedService>> byReseller = new LinkedHashMap<>();
			for (PurchasedService service : services.findToRemind(NOT_YET_ACTIVE, now, now.plus(REMINDER_AHEAD))) {
				byReseller.computeIfAbsent(service.resellerId(), id -> new java.util.ArrayList<>()).add(service);
			}
			byReseller.forEach((resellerId, due) -> {
				mails.deadlineReminder(resellerId, due);
				due.forEach(service -> {
					service.reminded(now);
					log.record(service, ServiceEvent.Kind.REMINDER_SENT, null, "system");
				});
			});
			return byReseller.size();
		});
	}

	public int endSuspensions() {
		return sweep(services::findSuspensionsOver, PurchasedService::resumeIfDue, ServiceEvent.Kind.RESUMED);
	}

	/** Active services past their date become Scaduto. */
	public int endTerms() {
		return sweep(services::findTermsEnded, PurchasedService::endTermIfDue, ServiceEvent.Kind.TERM_ENDED);
	}

	/**
	 * In one transaction: the services {@code due} claims now, each moved by
	 * {@code transition} if it still applies, and logged as {@code kind}.
	 * @return how many moved
	 */
	private int sweep(Function<Instant, List<PurchasedService>> due, BiPredicate<PurchasedService, Instant> transition,
			ServiceEvent.Kind kind) {
		return inTransaction(() -> {
			Instant now = log.now();
			int moved = 0;
			for (PurchasedService service : due.apply(now)) {
				if (transition.test(service, now)) {
					log.record(service, kind, null, "system");
					moved++;
				}
			}
			return moved;
		});
	}

	private int inTransaction(java.util.function.IntSupplier step) {
		Integer done = transactions.execute(status -> step.getAsInt());
		return done == null ? 0 : done;
	}

}

package it.rivendo.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.NoOpTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Watches every scheduled job (each {@code @Scheduled} method) in one place: the
 * scheduler Spring hands the jobs to is wrapped, so each run of each job is seen. A
 * failing run is logged at ERROR with the job's name, counted in
 * {@code rivendo_scheduled_job_failures_total{job}}, and makes the {@code scheduledJobs}
 * health component {@code DEGRADED} until the job's next successful run;
 * {@code rivendo_scheduled_job_last_success_seconds{job}} is when it last succeeded. A
 * job is named after its class and method, e.g. {@code ServiceLifecycle.run}. What is
 * shown is this instance's: every instance runs the jobs (they claim rows so that the
 * work is done once).
 * <p>
 * With {@code rivendo.scheduling.enabled=false} (the tests) the jobs are registered and
 * watched but never fired; {@link #runNow} runs one the way the scheduler would.
 */
@Component("scheduledJobs")
public class ScheduledJobs implements SchedulingConfigurer, HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "A scheduled job failed on its last run");

	private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

	private final ObjectProvider<TaskScheduler> scheduler;

	private final ObjectProvider<ScheduledTaskHolder> holders;

	private final MeterRegistry meters;

	private final Clock clock;

	private final boolean enabled;

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	ScheduledJobs(ObjectProvider<TaskScheduler> scheduler, ObjectProvider<ScheduledTaskHolder> holders,
			MeterRegistry meters, Clock clock, SchedulingProperties properties) {
		this.scheduler = scheduler;
		this.holders = holders;
		this.meters = meters;
		this.clock = clock;
		this.enabled = properties.enabled();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.setTaskScheduler(new Watched(enabled ? scheduler.getObject() : new NoOpTaskScheduler()));
	}

	/** The jobs known, by name. */
	public Set<String> names() {
		return new TreeSet<>(jobs.keySet());
	}

	/**
	 * Runs a job now, in this thread, exactly as the scheduler runs it (watched: logged,
	 * counted, in the health).
	 * @return whether it succeeded
	 */
	public boolean runNow(String job) {
		ScheduledTask task = holders.orderedStream()
			.flatMap(holder -> holder.getScheduledTasks().stream())
			.filter(candidate -> nameOf(candidate.getTask()).equals(job))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No scheduled job " + job));
		return watched(task.getTask().getRunnable()).attempt();
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		boolean failing = false;
		for (String name : names()) {
			Job job = Objects.requireNonNull(jobs.get(name));
			details.put(name, job.describe());
			failing |= job.failing();
		}
		return (failing ? Health.status(DEGRADED) : Health.up()).withDetails(details).build();
	}

	private WatchedRun watched(Runnable task) {
		String name = nameOf(task);
		return new WatchedRun(jobs.computeIfAbsent(name, Job::new), task);
	}

	/**
	 * {@code it.rivendo.services.internal.ServiceLifecycle.run} (what Spring's task for a
	 * {@code @Scheduled} method says it is) becomes {@code ServiceLifecycle.run}.
	 */
	static String nameOf(Object task) {
		String qualified = task.toString();
		int lambda = qualified.indexOf("$$");
		if (lambda > 0) {
			qualified = qualified.substring(0, lambda) + ".task";
		}
		int method = qualified.lastIndexOf('.');
		return method <= 0 ? qualified : qualified.substring(qualified.lastIndexOf('.', method - 1) + 1);
	}

	/** One job: its meters and how its runs went on this instance. */
	private final class Job {

		private final String name;

		private final Counter failures;

		private volatile @Nullable Instant lastSuccess;

		private volatile @Nullable Instant lastFailure;

		private volatile @Nullable String lastError;

		Job(String name) {
			this.name = name;
			this.failures = Counter.builder("rivendo.scheduled.job.failures")
				.description("Runs of a scheduled job that failed")
				.tag("job", name)
				.register(meters);
			Gauge.builder("rivendo.scheduled.job.last.success", this, Job::lastSuccessEpochSeconds)
				.description("When a scheduled job last succeeded (Unix time; NaN: not since start)")
				.baseUnit("seconds")
				.tag("job", name)
				.register(meters);
		}

		void succeeded() {
			lastSuccess = clock.instant();
		}

		void failed(Throwable error) {
			lastFailure = clock.instant();
			lastError = error.getClass().getSimpleName() + ": " + error.getMessage();
			failures.increment();
			log.error("Scheduled job {} failed", name, error);
		}

		/** The last run failed. */
		boolean failing() {
			return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
		}

		double lastSuccessEpochSeconds() {
			Instant at = lastSuccess;
			return at == null ? Double.NaN : at.getEpochSecond();
		}

		Map<String, Object> describe() {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("status", failing() ? "FAILING" : "OK");
			description.put("lastSuccess", lastSuccess == null ? "not since start" : lastSuccess.toString());
			Instant failure = lastFailure;
			String error = lastError;
			if (failure != null && error != null) {
				description.put("lastFailure", failure.toString());
				description.put("error", error.length() > 300 ? error.substring(0, 300) : error);
			}
			description.put("failures", (long) failures.count());
			return description;
		}

	}

	/**
	 * One run of a job: a failure is recorded and logged, not thrown at the scheduler
	 * (which would log it again).
	 */
	private record WatchedRun(Job job, Runnable task) implements Runnable {

		@Override
		public void run() {
			attempt();
		}

		boolean attempt() {
			try {
				task.run();
				job.succeeded();
				return true;
			}
			catch (RuntimeException ex) {
				job.failed(ex);
				return false;
			}
			catch (Error error) {
				job.failed(error);
				throw error;
			}
		}

		@Override
		public String toString() {
			return task.toString();
		}
	}

	/** The scheduler the jobs are given to, watching each run. */
	private final class Watched implements TaskScheduler {

		private final TaskScheduler target;

		Watched(TaskScheduler target) {
			this.target = target;
		}

		@Override
		public Clock getClock() {
			return target.getClock();
		}

		@Override
		public @Nullable ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
			return target.schedule(watched(task), trigger);
		}

		@Override
		public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
			return target.schedule(watched(task), startTime);
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
			return target.scheduleAtFixedRate(watched(task), startTime, period);
		}

		@Override
		public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
			return target.scheduleAtFixedRate(watched(task), period);
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
			return target.scheduleWithFixedDelay(watched(task), startTime, delay);
		}

		@Override
		public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
			return target.scheduleWithFixedDelay(watched(task), delay);
		}

	}

}

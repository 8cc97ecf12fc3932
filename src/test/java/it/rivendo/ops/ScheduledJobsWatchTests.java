package it.rivendo.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.ScheduledMethodRunnable;

/**
 * A scheduled job that fails shows up: an ERROR line naming it, a failure counted under
 * its name, and the {@code scheduledJobs} health component DEGRADED until it succeeds
 * again. Spring's own registrar, without a context.
 */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobsWatchTests {

	/** A job that fails until told otherwise. */
	public static class Nightly {

		volatile boolean broken = true;

		public void export() {
			if (broken) {
				throw new IllegalStateException("disk full");
			}
		}

	}

	@Test
	void aFailingJobIsLoggedAtErrorCountedAndDegradesTheHealthUntilItSucceeds(CapturedOutput output) throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("registrar", registrar));
		ScheduledJobs jobs = new ScheduledJobs(beans.getBeanProvider(TaskScheduler.class),
				beans.getBeanProvider(ScheduledTaskHolder.class), meters, Clock.systemUTC(),
				new SchedulingProperties(false));
		Nightly nightly = new Nightly();
		jobs.configureTasks(registrar);
		registrar.addFixedDelayTask(new ScheduledMethodRunnable(nightly, Nightly.class.getMethod("export")),
				Duration.ofHours(1));
		registrar.afterPropertiesSet(); // hands the job to the (watched) scheduler, as
										// Spring does at start
		String job = "ScheduledJobsWatchTests$Nightly.export";
		assertThat(jobs.names()).containsExactly(job);
		assertThat(jobs.health().getStatus().getCode()).isEqualTo("UP");

		assertThat(jobs.runNow(job)).isFalse();

		assertThat(output).containsPattern("ERROR.*Scheduled job " + java.util.regex.Pattern.quote(job) + " failed")
			.contains("java.lang.IllegalStateException: disk full");
		assertThat(meters.get("rivendo.scheduled.job.failures").tag("job", job).counter().count()).isEqualTo(1);
		assertThat(meters.get("rivendo.scheduled.job.last.success").tag("job", job).gauge().value()).isNaN();
		var degraded = jobs.health();
		assertThat(degraded.getStatus().getCode()).isEqualTo("DEGRADED");
		assertThat(degraded.getDetails().get(job).toString()).contains("status=FAILING",
				"error=IllegalStateException: disk full", "failures=1");

		nightly.broken = false;
		assertThat(jobs.runNow(job)).isTrue();
		assertThat(jobs.health().getStatus().getCode()).isEqualTo("UP");
		assertThat(meters.get("rivendo.scheduled.job.last.success").tag("job", job).gauge().value()).isPositive();
		registrar.destroy();
	}

}

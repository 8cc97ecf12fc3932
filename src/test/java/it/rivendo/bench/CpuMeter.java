package it.rivendo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU this JVM (the shops it runs) and the PostgreSQL server's processes have used
 * since the meter was started: what a page costs the machine, apart from its client.
 * PostgreSQL's is read from {@code /proc/<pid>/stat} of every process named
 * {@code postgres} (its backends come and go: one that ended during the run is missed,
 * the pool keeps them open).
 */
final class CpuMeter {

	private static final double TICK_NANOS = 1e9 / 100; // USER_HZ on Linux

	private final long jvmStart = jvmNanos();

	private final java.util.Map<Long, Long> postgresStart = postgresTicks();

	static CpuMeter start() {
		return new CpuMeter();
	}

	/** CPU ms of this JVM since the start. */
	double jvmMillis() {
		return (jvmNanos() - this.jvmStart) / 1e6;
	}

	/** CPU ms of PostgreSQL's processes since the start. */
	double postgresMillis() {
		long ticks = 0;
		for (var entry : postgresTicks().entrySet()) {
			ticks += entry.getValue() - this.postgresStart.getOrDefault(entry.getKey(), 0L);
		}
		return ticks * TICK_NANOS / 1e6;
	}

	private static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static java.util.Map<Long, Long> postgresTicks() {
		java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
				try {
					String stat = Files.readString(p.resolve("stat"));
					int close = stat.lastIndexOf(')');
					if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
						return;
					}
					String[] fields = stat.substring(close + 2).split(" ");
					// utime and stime: fields 14 and 15 of stat, 12 and 13 after the name
					ticks.put(Long.parseLong(p.getFileName().toString()),
							Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
				}
				catch (IOException | RuntimeException ex) {
					// the process ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return ticks;
	}

}

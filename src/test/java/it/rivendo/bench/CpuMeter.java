package it.rivendo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CPU this JVM (the shops it runs, the test harness, JIT and GC included) and the
 * PostgreSQL backends of the benchmark's database have used since the meter was started:
 * what a page costs the machine, apart from its client. PostgreSQL's is read from
 * {@code /proc/<pid>/stat} of the backends {@code pg_stat_activity} lists for the
 * database at the start and at the end (another database's backends, a build's tests, are
 * not counted; the server's own processes, checkpointer and WAL writer, neither; a
 * backend that ended during the run is missed: the pool keeps them open).
 */
final class CpuMeter {

	private static final double TICK_NANOS = 1e9 / 100; // USER_HZ on Linux

	private final long jvmStart = jvmNanos();

	private final JdbcClient jdbc;

	private final java.util.Map<Long, Long> postgresStart;

	private CpuMeter(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.postgresStart = postgresTicks(backends(jdbc));
	}

	/** A meter of this JVM and of the backends of {@code jdbc}'s database. */
	static CpuMeter start(JdbcClient jdbc) {
		return new CpuMeter(jdbc);
	}

	/** CPU ms of this JVM since the start. */
	double jvmMillis() {
		return (jvmNanos() - this.jvmStart) / 1e6;
	}

	/** CPU ms of PostgreSQL's processes since the start. */
	double postgresMillis() {
		java.util.Set<Long> backends = new java.util.HashSet<>(this.postgresStart.keySet());
		backends.addAll(backends(this.jdbc));
		long ticks = 0;
		for (var entry : postgresTicks(backends).entrySet()) {
			ticks += entry.getValue() - this.postgresStart.getOrDefault(entry.getKey(), 0L);
		}
		return ticks * TICK_NANOS / 1e6;
	}

	private static long jvmNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static java.util.List<Long> backends(JdbcClient jdbc) {
		return jdbc.sql("select pid from pg_stat_activity where datname = current_database()").query(Long.class).list();
	}

	private static java.util.Map<Long, Long> postgresTicks(java.util.Collection<Long> backends) {
		java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
		try (Stream<Path> processes = backends.stream().map(pid -> Path.of("/proc", String.valueOf(pid)))) {
			processes.forEach(p -> {
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
		return ticks;
	}

}

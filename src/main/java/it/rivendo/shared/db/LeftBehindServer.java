package it.rivendo.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL left running in a data folder by a run that was killed (its JVM gone, so
 * nobody stopped it), found through the folder's {@code postmaster.pid}. It is stopped
 * only if that process really is a {@code postgres}.
 */
final class LeftBehindServer {

	private LeftBehindServer() {
	}

	/**
	 * Stops the server left running in {@code dataDirectory}, if any; a pid file naming a
	 * process that is gone or is not a postgres is only removed.
	 * @return the pid of the server that was stopped
	 */
	static Optional<Long> stop(Path dataDirectory, Duration patience) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
				: pid(lines.get(0)).flatMap(ProcessHandle::of)
					.filter(ProcessHandle::isAlive)
					.filter(LeftBehindServer::isPostgres);
		if (process.isEmpty()) {
			Files.deleteIfExists(pidFile);
			return Optional.empty();
		}
		// SIGTERM: a "smart" shutdown, quick since the killed run's connections are gone
		process.get().destroy();
		try {
			process.get().onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new IOException("the PostgreSQL left running in " + dataDirectory + " (pid " + process.get().pid()
					+ ") did not stop within " + patience.toSeconds() + " s", ex);
		}
		return Optional.of(process.get().pid());
	}

	private static Optional<Long> pid(String line) {
		try {
			return Optional.of(Long.parseLong(line.strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info()
			.command()
			.map(command -> Path.of(command).getFileName().toString())
			.map(name -> name.equals("postgres") || name.equals("postgres.exe"))
			.orElse(false);
	}

}

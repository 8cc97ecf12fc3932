package it.rivendo.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.rivendo.shared.db.DatabaseServer.Running;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.SpringApplication;

/**
 * Starts the embedded PostgreSQL (zonky's {@link EmbeddedPostgres}; as root it runs the server through
 * {@code unshare -U}). Only loaded when the library is on the classpath.
 */
final class EmbeddedPostgresLauncher {

	/** The major version of the binaries in the pom; a data folder opens only with the major version that made it. */
	static final String MAJOR_VERSION = "17";

	/** zonky's lock file in a data folder, held by the JVM whose server uses it. */
	private static final String LOCK_FILE = "epg-lock";

	private EmbeddedPostgresLauncher() {
	}

	/**
	 * Starts a server on a free port, stopped after the application when the JVM ends.
	 * @param dataDirectory where the data stays between runs (created by the first); null for a throwaway folder,
	 * deleted when the server stops
	 */
	static Running start(Path dataDirectory) throws IOException {
		long startedAt = System.nanoTime();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("listen_addresses", "127.0.0.1")
			// the same order and case rules on every system (PostgreSQL 17's own C.UTF-8, no OS locale needed)
			.setLocaleConfig("locale", "C")
			.setLocaleConfig("locale-provider", "builtin")
			.setLocaleConfig("builtin-locale", "C.UTF-8");
		Path folder;
		String earlier = "";
		if (dataDirectory == null) {
			// under zonky's working folder, whose next user removes it if this JVM is killed (and stops its server)
			Path working = Path.of(System.getProperty("ot.epg.working-dir",
					Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
			folder = working.resolve("rivendo-" + UUID.randomUUID());
			Path log = working.resolve("rivendo-postgres.log");
			Files.createDirectories(working);
			builder.setDataDirectory(folder.toFile()).setCleanDataDirectory(true);
			builder.setOutputRedirector(Redirect.appendTo(log.toFile())).setErrorRedirector(Redirect.appendTo(log.toFile()));
		}
		else {
			folder = dataDirectory;
			Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
			Files.createDirectories(dataDirectory);
			earlier = freeFromEarlierRuns(dataDirectory)
				.map(pid -> " (after stopping the server, pid " + pid + ", that a killed run had left running)")
				.orElse("");
			builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
			builder.setOutputRedirector(Redirect.appendTo(log.toFile())).setErrorRedirector(Redirect.appendTo(log.toFile()));
		}
		EmbeddedPostgres postgres;
		try {
			postgres = builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IOException(ex.getMessage() + " (its log: "
					+ (dataDirectory == null ? folder.resolveSibling("rivendo-postgres.log")
							: dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"))
					+ ")", ex);
		}
		// after the application's contexts have closed, so that nothing still uses it
		SpringApplication.getShutdownHandlers().add(() -> {
			try {
				postgres.close();
			}
			catch (IOException ex) {
				// the JVM is ending: nothing left to tell
			}
		});
		String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedAt) / 1e9);
		return new Running("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/", "postgres", "",
				"the embedded PostgreSQL " + MAJOR_VERSION + " on port " + postgres.getPort() + ", "
						+ (dataDirectory == null ? "throwaway data" : "data in " + dataDirectory) + ", started in "
						+ seconds + " s" + earlier);
	}

	/**
	 * Refuses a folder that another live run uses (it holds zonky's lock), and stops a server that a killed run left
	 * running in it.
	 * @return the pid of the server that was stopped
	 */
	private static Optional<Long> freeFromEarlierRuns(Path dataDirectory) throws IOException {
		try (FileChannel channel = FileChannel.open(dataDirectory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
			if (lock == null) {
				throw new IOException("another run of the shop is using the embedded PostgreSQL in " + dataDirectory
						+ "; stop it first");
			}
		}
		String version = Files.exists(dataDirectory.resolve("PG_VERSION"))
				? Files.readString(dataDirectory.resolve("PG_VERSION")).strip() : MAJOR_VERSION;
		if (!version.equals(MAJOR_VERSION)) {
			throw new IOException(dataDirectory + " holds the data of PostgreSQL " + version + ", and the embedded "
					+ "server is PostgreSQL " + MAJOR_VERSION + "; set rivendo.database.embedded-data to another folder");
		}
		return LeftBehindServer.stop(dataDirectory, Duration.ofSeconds(30));
	}
}
